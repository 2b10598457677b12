/** The control-plane scenario suite against a started server in memory. */
import { defineScenarios } from './scenarios';

defineScenarios('memory');
