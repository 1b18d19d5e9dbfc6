import type { FaultScenario } from '../scenario';
import { cancellation } from './cancellation';
import { hungStatusCalls } from './hung-status';
import { listLagLostCreate } from './list-lag';
import { lostCreateResponse } from './lost-create';
import { serverErrorBursts } from './server-errors';
import { taskFaults } from './task-faults';
import { temporalRestart } from './temporal-restart';
import { throttling } from './throttling';
import { workerKill } from './worker-kill';

/** Every fault of the suite, in the order they run (one at a time: armed faults are emulator-wide). */
export const faultScenarios: readonly FaultScenario[] = [
  lostCreateResponse,
  listLagLostCreate,
  throttling,
  serverErrorBursts,
  hungStatusCalls,
  workerKill,
  temporalRestart,
  taskFaults,
  cancellation,
];
