/** The control-plane scenario suite against a started server on the lowdb file store. */
import { defineScenarios } from './scenarios';

defineScenarios('file');
