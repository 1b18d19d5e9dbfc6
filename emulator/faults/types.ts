import type { ServedAction } from '../actions/names';

/**
 * How many requests a fault affects: a positive count (default 1), or `'always'` until the faults are cleared.
 */
export type FaultCount = number | 'always';

/** Answer the next matching requests with this error instead of serving them. */
export interface ErrorFault {
  kind: 'error';
  /** Only this action; every served action when absent. */
  action?: ServedAction;
  count?: FaultCount;
  code: string;
  /** Defaults to the catalogue status of `code` (400 for codes the catalogue does not know). */
  httpStatus?: number;
  message?: string;
}

/** Wait `ms` before serving: a create held this way happens only after the wait (the "before create" timeout). */
export interface DelayFault {
  kind: 'delay';
  action?: ServedAction;
  count?: FaultCount;
  ms: number;
}

/** Perform the create, then destroy the socket without answering: the lost-response case. */
export interface DropAfterCreateFault {
  kind: 'drop-after-create';
  /** Accepted for symmetry; only the create action can be meant. */
  action?: 'CreateAIDBClusterTask';
  count?: FaultCount;
}

/** Perform the create, then hold the answer for `ms` (set it beyond the client's read timeout). */
export interface HoldAfterCreateFault {
  kind: 'hold-after-create';
  action?: 'CreateAIDBClusterTask';
  count?: FaultCount;
  ms: number;
}

/**
 * Make a task end FAILED with `message`. With `taskId` it applies at once to that task (and is not kept armed);
 * otherwise it applies to the next `count` created tasks.
 */
export interface FailTaskFault {
  kind: 'fail-task';
  action?: 'CreateAIDBClusterTask';
  count?: FaultCount;
  taskId?: string;
  message?: string;
}

/** Leave `DBNodeStatus` out of every item of the next task lists (the field is documented as optional). */
export interface OmitListStatusFault {
  kind: 'omit-list-status';
  action?: 'DescribeAIDBClusterTasks';
  count?: FaultCount;
}

/** Answer a 5xx whose body is an HTML page (`text/html`), like a gateway error page: the client cannot parse it. */
export interface ServerErrorHtmlFault {
  kind: 'server-error-html';
  action?: ServedAction;
  count?: FaultCount;
  /** 500–599; default 502. */
  httpStatus?: number;
}

/** Answer a 5xx with an empty body. */
export interface ServerErrorEmptyFault {
  kind: 'server-error-empty';
  action?: ServedAction;
  count?: FaultCount;
  /** 500–599; default 503. */
  httpStatus?: number;
}

/**
 * Destroy the socket as soon as the request arrives, before reading or checking it: nothing is performed. The
 * action is matched on the unverified `x-acs-action` header (or `Action` parameter), since nothing is checked.
 */
export interface ResetFault {
  kind: 'reset';
  action?: ServedAction;
  count?: FaultCount;
}

/**
 * Hold a task in `state` (`Creating` or, the default, `ACTIVATION`) until the faults are cleared; then it carries
 * on where it stopped. With `taskId` it applies at once to that task (which must not be past `state`); otherwise
 * to the next `count` created tasks.
 */
export interface HangTaskFault {
  kind: 'hang-task';
  action?: 'CreateAIDBClusterTask';
  count?: FaultCount;
  taskId?: string;
  state?: 'Creating' | 'ACTIVATION';
}

/**
 * Make a task disappear `ms` (default 0) from now: from then on every action answers 404 for it and the list
 * leaves it out, as if someone else had deleted it. With `taskId` that task; otherwise the next `count` created
 * tasks (their create still answers normally).
 */
export interface VanishTaskFault {
  kind: 'vanish-task';
  action?: 'CreateAIDBClusterTask';
  count?: FaultCount;
  taskId?: string;
  ms?: number;
}

/** The next `count` created tasks appear in DescribeAIDBClusterTasks only `ms` after their creation. */
export interface ListLagFault {
  kind: 'list-lag';
  action?: 'CreateAIDBClusterTask';
  count?: FaultCount;
  ms: number;
}

/**
 * Shift the server clock used for signature date checks by `ms` (either sign) until cleared, so a client whose
 * clock is right looks skewed. Lifecycles, STS expiry and the nonce window keep the true clock. The latest armed
 * clock-shift wins.
 */
export interface ClockShiftFault {
  kind: 'clock-shift';
  action?: ServedAction;
  ms: number;
}

/** Every fault the emulator can inject. New kinds join this union and the schema in `parse.ts`. */
export type FaultSpec =
  | ErrorFault
  | DelayFault
  | DropAfterCreateFault
  | HoldAfterCreateFault
  | FailTaskFault
  | OmitListStatusFault
  | ServerErrorHtmlFault
  | ServerErrorEmptyFault
  | ResetFault
  | HangTaskFault
  | VanishTaskFault
  | ListLagFault
  | ClockShiftFault;

/** The fault kinds that act on one existing task when given a `taskId`. */
export type TaskAimedFault = FailTaskFault | HangTaskFault | VanishTaskFault;

/** Name of a fault kind. */
export type FaultKind = FaultSpec['kind'];

/** The spec of one kind. */
export type FaultOf<K extends FaultKind> = Extract<FaultSpec, { kind: K }>;

/** An armed fault and how many more requests it will affect. */
export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  remaining: FaultCount;
}

/**
 * Arms and disarms faults. Available in-process as `RunningEmulator.faults` and over HTTP under
 * `/__emulator/faults`; both paths validate the same way.
 */
export interface FaultController {
  /** Validates and arms a fault; throws {@link FaultSpecError} when the spec is not acceptable. */
  add(spec: FaultSpec): ActiveFault;
  /** Disarms every fault, releases hung tasks, and returns how many faults were armed. */
  clear(): number;
  /** Faults still armed, in the order they were added. */
  list(): ActiveFault[];
}

/** A fault spec that cannot be armed (unknown kind, bad count, unknown task id...). */
export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}
