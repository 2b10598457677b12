/** The control-plane scenario suite against the in-process msw handlers (no server, no port). */
import { defineScenarios } from './scenarios';

defineScenarios('msw');
