import type { FaultScenario } from '../scenario';

/** Longer than the worker's 2 s read timeout: the status read hangs until the client gives up on it. */
const hangMs = 3_000;

/** Status reads that hang: each must be abandoned at the read timeout and retried, twice per pipeline. */
export const hungStatusCalls: FaultScenario = {
  key: 'hs',
  title: 'hung status calls (3 s > read timeout)',
  perScale: 2,
  async run(ctx, count) {
    ctx.env.emulator.arm({ kind: 'delay', action: 'DescribeAIDBClusterTaskAttribute', ms: hangMs, count: 2 * count });
    await ctx.start({ count, expect: { outcome: 'completed' } });
  },
};
