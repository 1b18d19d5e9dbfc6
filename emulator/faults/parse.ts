import { z } from 'zod';

import { SERVED_ACTIONS } from '../actions/names';
import { FaultSpecError } from './types';

import type { FaultSpec } from './types';

const count = z.union([z.number().int().positive(), z.literal('always')]).optional();
const action = z.enum(SERVED_ACTIONS).optional();
// Kinds tied to one action accept only that action, so a fault aimed elsewhere is refused, not ignored.
const createAction = z.literal('CreateAIDBClusterTask').optional();
const listAction = z.literal('DescribeAIDBClusterTasks').optional();
// Ten minutes is far beyond any sane client timeout; longer holds would only pin sockets.
const ms = z.number().int().min(0).max(600_000);
// Task-level delays live in the state, not in timers, so they may be long; a week covers any test or demo.
const week = 7 * 24 * 3600 * 1000;
const taskMs = z.number().int().min(0).max(week);
const taskId = z.string().startsWith('pm-').optional();
const serverStatus = z.number().int().min(500).max(599).optional();

const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('error'),
    action,
    count,
    code: z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,99}$/),
    httpStatus: z.number().int().min(400).max(599).optional(),
    message: z.string().max(1000).optional(),
  }),
  z.strictObject({ kind: z.literal('delay'), action, count, ms }),
  z.strictObject({ kind: z.literal('drop-after-create'), action: createAction, count }),
  z.strictObject({ kind: z.literal('hold-after-create'), action: createAction, count, ms }),
  z.strictObject({
    kind: z.literal('fail-task'),
    action: createAction,
    count,
    taskId,
    message: z.string().max(1000).optional(),
  }),
  z.strictObject({ kind: z.literal('omit-list-status'), action: listAction, count }),
  z.strictObject({ kind: z.literal('server-error-html'), action, count, httpStatus: serverStatus }),
  z.strictObject({ kind: z.literal('server-error-empty'), action, count, httpStatus: serverStatus }),
  z.strictObject({ kind: z.literal('reset'), action, count }),
  z.strictObject({
    kind: z.literal('hang-task'),
    action: createAction,
    count,
    taskId,
    state: z.enum(['Creating', 'ACTIVATION']).optional(),
  }),
  z.strictObject({ kind: z.literal('vanish-task'), action: createAction, count, taskId, ms: taskMs.optional() }),
  z.strictObject({ kind: z.literal('list-lag'), action: createAction, count, ms: taskMs }),
  // No count: a shifted clock stays shifted until the faults are cleared.
  z.strictObject({ kind: z.literal('clock-shift'), action, ms: z.number().int().min(-week).max(week) }),
]);

/**
 * Checks an untrusted fault spec (an admin request body, or a test's object) and returns it typed. Unknown
 * fields are refused, so a misspelt `count` cannot silently arm a fault forever.
 */
export function parseFaultSpec(input: unknown): FaultSpec {
  const parsed = faultSchema.safeParse(input);
  if (!parsed.success) throw new FaultSpecError(`Invalid fault: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
