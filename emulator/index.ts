/**
 * PolarDB model-operator API emulator: a loopback HTTP server that speaks the 2017-08-01 RPC API closely enough
 * for the official client, with V3 and V2 signature checks, STS tokens, flow control, a persisted state,
 * timestamp-driven task lifecycles with logs and metrics, and fault injection. A dev/test tool; product code
 * never imports it.
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
import { seedState } from './state/seed';
import { StateStore } from './state/store';
import { StsTokenBook } from './sts/token-book';
import { isGone } from './tasks/lifecycle';
import { snapshotTask } from './tasks/snapshot';
import { StoredTaskFaults } from './tasks/task-faults';
import { RateLimiter } from './throttle/rate-limiter';

import type { AddressInfo } from 'node:net';

import type { FaultController } from './faults/types';
import type { RequestLogEntry, RequestLogFilter } from './log/request-log';
import type { EmulatorOptions } from './options';
import type { IssuedStsToken, StsTokenRequest } from './sts/token-book';
import type { EmulatedTask } from './tasks/snapshot';
import type { RateLimitTarget } from './throttle/rate-limiter';
import type { RateLimit } from './throttle/token-bucket';

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
export { StsTokenError } from './sts/token-book';
export { DEFAULT_RATE_LIMIT, RateLimitError } from './throttle/rate-limiter';
export type { EmulatorOptions } from './options';
export type { ActiveFault, FaultController, FaultCount, FaultKind, FaultSpec } from './faults/types';
export type { RequestLogEntry, RequestLogFilter } from './log/request-log';
export type { IssuedStsToken, StsTokenRequest } from './sts/token-book';
export type { EmulatedTask } from './tasks/snapshot';
export type { RateLimitTarget } from './throttle/rate-limiter';
export type { RateLimit } from './throttle/token-bucket';

/** A started emulator. */
export interface RunningEmulator {
  /** `host:port` exactly as the client's `Config.endpoint` wants it (use `protocol: 'http'`). */
  endpoint: string;
  port: number;
  /** Arms and clears faults in-process; the same as the `/__emulator/faults` routes. */
  faults: FaultController;
  /** API requests so far (those matching `filter`, when given), oldest first. */
  requestLog(filter?: RequestLogFilter): RequestLogEntry[];
  /** The tasks as they stand now (status computed from the clock); vanished tasks are left out. */
  tasks(): EmulatedTask[];
  /**
   * Mints temporary credentials for a configured AccessKey (default: the first), valid for `ttlMs` (default 1 h)
   * on the emulator clock; throws `StsTokenError` for an unknown key or a bad lifetime. Same as `POST /__emulator/sts`.
   */
  issueStsToken(request?: StsTokenRequest): IssuedStsToken;
  /**
   * Expires every minted token now (answers how many were live): their next use gets
   * `InvalidSecurityToken.Expired`, whatever `Expiration` the client was told. Same as `DELETE /__emulator/sts`.
   */
  expireStsTokens(): number;
  /**
   * Sets the flow-control limit of one action, or of `'*'` (every action without its own); `null` removes an
   * action's own limit. Buckets start full again. Throws `RateLimitError` for a bad limit or action.
   */
  setRateLimit(action: RateLimitTarget, limit: RateLimit | null): void;
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
  const faults = new FaultBook(new StoredTaskFaults(store, now));
  const log = new RequestLog(resolved.onRequest);
  const sleeper = new Sleeper();
  const sts = new StsTokenBook(resolved.accessKeys, store, now);
  const limiter = new RateLimiter(resolved.rateLimit);
  const tasks = (): EmulatedTask[] =>
    store
      .tasks()
      .filter((task) => !isGone(task, now()))
      .map((task) => snapshotTask(task, now()));

  const api = createApiHandler({ store, faults, log, sleeper, now, lifecycle: resolved.lifecycle, sts, limiter });
  const server = createEmulatorServer(api, createAdminHandler({ faults, log, tasks, sts, limiter }));
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

  return {
    endpoint: endpointOf(resolved.host, port),
    port,
    faults,
    requestLog: (filter) => log.list(filter),
    tasks,
    issueStsToken: (request) => sts.issue(request),
    expireStsTokens: () => sts.expireAll(),
    setRateLimit: (action, limit) => limiter.set(action, limit),
    close,
  };
}
