import type { FaultScenario } from '../scenario';

/** Past the worker's 2 s read timeout, so the client gives up on a create that did happen. */
const holdMs = 3_000;

/**
 * The create is performed but its answer never arrives: half the connections drop right after the create,
 * half are held past the read timeout. The retry must find the task by name and adopt it.
 */
export const lostCreateResponse: FaultScenario = {
  key: 'lc',
  title: 'lost create response (drop, hold 3 s)',
  perScale: 2,
  async run(ctx, count) {
    const dropped = Math.ceil(count / 2);
    ctx.env.emulator.arm({ kind: 'drop-after-create', count: dropped });
    if (count > dropped) ctx.env.emulator.arm({ kind: 'hold-after-create', ms: holdMs, count: count - dropped });
    await ctx.start({ count, expect: { outcome: 'completed', adopted: true } });
  },
};
