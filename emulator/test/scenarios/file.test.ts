/** The control-plane scenario suite against a started server on the lowdb store (a folder). */
import { defineScenarios } from './scenarios';

defineScenarios('file');
