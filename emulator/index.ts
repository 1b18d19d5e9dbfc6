/**
 * PolarDB model-operator API emulator: a loopback HTTP server that speaks the 2017-08-01 RPC API closely enough
 * for the official client, with V3 signature checks, a persisted state, timestamp-driven task lifecycles and
 * fault injection. A dev/test tool; product code never imports it.
 */
import { once } from 'node:events';

import { FaultBook } from './faults/book';
import { createAdminHandler } from './http/admin-handler';
import { createApiHandler } from './http/api-handler';
import { createEmulatorServer } from './http/server';
import { Sleeper } from './http/sleeper';
import { RequestLog } from './log/request-log';
import { endpointOf } from './loopback';
import { resolveOptions } from './options';
import { acceptAnySecurityToken } from './signature/security-token';
import { seedState } from './state/seed';
import { StateStore } from './state/store';
import { snapshotTask } from './tasks/snapshot';

import type { AddressInfo } from 'node:net';

import type { FaultController } from './faults/types';
import type { RequestLogEntry } from './log/request-log';
import type { EmulatorOptions } from './options';
import type { EmulatedTask } from './tasks/snapshot';

export {
  DEMO_ACCESS_KEY_ID,
  DEMO_ACCESS_KEY_SECRET,
  DEMO_CLUSTER_ID,
  DEMO_EVAL_DATASET_ID,
  DEMO_SFT_DATASET_ID,
  DEMO_TRAIN_DATASET_ID,
} from './demo';
export { SERVED_ACTIONS } from './actions/names';
export { FaultSpecError } from './faults/types';
export { EmulatorOptionsError, DEFAULT_LIFECYCLE } from './options';
export { StateFileError } from './state/store';
export type { EmulatorOptions } from './options';
export type { ActiveFault, FaultController, FaultCount, FaultKind, FaultSpec } from './faults/types';
export type { RequestLogEntry } from './log/request-log';
export type { EmulatedTask } from './tasks/snapshot';

/** A started emulator. */
export interface RunningEmulator {
  /** `host:port` exactly as the client's `Config.endpoint` wants it (use `protocol: 'http'`). */
  endpoint: string;
  port: number;
  /** Arms and clears faults in-process; the same as the `/__emulator/faults` routes. */
  faults: FaultController;
  /** Every API request so far, oldest first. */
  requestLog(): RequestLogEntry[];
  /** The tasks as they stand now (status computed from the clock). */
  tasks(): EmulatedTask[];
  /** Stops listening, ends open connections and cancels held answers. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts an emulator on a loopback address. Loads (or seeds) the state file first, so a restart on the same
 * file continues every task where it was; rejects with `EmulatorOptionsError` or `StateFileError` when it
 * cannot start.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const { now } = resolved;
  const store = StateStore.open(resolved.stateFile, () => seedState(now()));
  const faults = new FaultBook((taskId, reason) => store.failTask(taskId, reason));
  const log = new RequestLog(resolved.onRequest);
  const sleeper = new Sleeper();
  const tasks = (): EmulatedTask[] => store.tasks().map((task) => snapshotTask(task, now()));

  const api = createApiHandler({
    store,
    faults,
    log,
    sleeper,
    now,
    accessKeys: resolved.accessKeys,
    lifecycle: resolved.lifecycle,
    checkSecurityToken: acceptAnySecurityToken,
  });
  const server = createEmulatorServer(api, createAdminHandler({ faults, log, tasks }));
  server.listen(resolved.port, resolved.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      sleeper.cancelAll();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    return closing;
  };

  return { endpoint: endpointOf(resolved.host, port), port, faults, requestLog: () => log.list(), tasks, close };
}
