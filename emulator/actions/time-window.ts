import { apiError, invalidParameter } from '../errors/api-error';
import { parseIsoSeconds } from '../time';
import { checkEnum, optionalParam, requiredParam } from './params';

import type { ActionContext } from './types';

/** The `StartTime`/`EndTime` window and order of a log or metric query (§6). */
export interface TimeWindow {
  startTime: string;
  endTime: string;
  startMs: number;
  endMs: number;
  reverse: boolean;
}

/** Reads a required time in the documented `yyyy-MM-ddTHH:mm:ssZ` form; anything else is `Invalid<Name>.Malformed`. */
function timeParam(context: ActionContext, name: 'StartTime' | 'EndTime'): number {
  const text = requiredParam(context.params, name);
  const epochMs = parseIsoSeconds(text);
  if (epochMs === undefined) {
    throw apiError(
      `Invalid${name}.Malformed`,
      `The specified ${name} "${text}" is not in the yyyy-MM-ddTHH:mm:ssZ format.`,
    );
  }
  return epochMs;
}

/**
 * Reads StartTime, EndTime and Reverse. Both ends are inclusive at second precision, the resolution of the
 * items' `Timestamp`, so a client that moves StartTime to its last `LogTime` sees that second again and must
 * drop duplicates. An inverted window is refused rather than answered empty.
 */
export function timeWindowOf(context: ActionContext): TimeWindow {
  const startMs = timeParam(context, 'StartTime');
  const endMs = timeParam(context, 'EndTime');
  if (endMs < startMs) throw invalidParameter('EndTime', 'it is earlier than StartTime.');

  const reverse = checkEnum('Reverse', optionalParam(context.params, 'Reverse') ?? 'false', ['true', 'false']);
  return {
    startTime: requiredParam(context.params, 'StartTime'),
    endTime: requiredParam(context.params, 'EndTime'),
    startMs,
    endMs,
    reverse: reverse === 'true',
  };
}

/** True when an item stamped at `atMs` falls in the window (compared at whole seconds). */
export function inWindow(window: TimeWindow, atMs: number): boolean {
  const second = Math.floor(atMs / 1000) * 1000;
  return second >= window.startMs && second <= window.endMs;
}
