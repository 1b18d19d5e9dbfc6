import type { FaultBook } from '../faults/book';
import type { StateStore } from '../state/store';

/** Durations given to each new task; stored with the task so later option changes do not rewrite history. */
export interface LifecycleDurations {
  creatingMs: number;
  runningMs: number;
}

/** Everything an action may use while serving one request. */
export interface ActionContext {
  /** Query and form parameters, already decoded and merged. */
  params: ReadonlyMap<string, string>;
  store: StateStore;
  faults: FaultBook;
  lifecycle: LifecycleDurations;
  /** The emulator clock, read once per request so one answer is self-consistent. */
  nowMs: number;
}

/** A success body without `RequestId` (the HTTP layer adds it). Throws `ApiError` to refuse. */
export type ActionHandler = (context: ActionContext) => Record<string, unknown>;
