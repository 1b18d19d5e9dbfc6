import type { FaultScenario } from '../scenario';

/**
 * Lags of the task list behind the create. 1 s is over before the create's first retry (5 s) looks; 6 s is
 * not, so that retry only finds the task by re-reading the list within its 2 s settle window.
 */
const lagsMs = [1_000, 6_000];

/**
 * A lost create answer (dropped connection) while the task list lags behind: the retry must wait the lag out
 * instead of creating a second task.
 */
export const listLagLostCreate: FaultScenario = {
  key: 'll',
  title: 'list lag 1 s / 6 s + lost create',
  perScale: 2,
  async run(ctx, count) {
    const firstLag = Math.ceil(count / 2);
    ctx.env.emulator.arm({ kind: 'list-lag', ms: lagsMs[0] ?? 0, count: firstLag });
    if (count > firstLag) ctx.env.emulator.arm({ kind: 'list-lag', ms: lagsMs[1] ?? 0, count: count - firstLag });
    ctx.env.emulator.arm({ kind: 'drop-after-create', count });
    await ctx.start({ count, expect: { outcome: 'completed', adopted: true } });
  },
};
