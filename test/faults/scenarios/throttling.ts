import type { FaultScenario } from '../scenario';

/**
 * Flow control: `Throttling.User` on the list, the status read and the create, and a tight real rate limit
 * on the status read shared by every pipeline of the scenario. Throttled calls performed nothing, so the
 * pipelines must wait and carry on, never fail.
 */
export const throttling: FaultScenario = {
  key: 'th',
  title: 'throttling (Throttling.User, 2 status reads/s)',
  perScale: 2,
  async run(ctx, count) {
    const throttled = { kind: 'error', code: 'Throttling.User' } as const;
    ctx.env.emulator.arm({ ...throttled, action: 'DescribeAIDBClusterTasks', count });
    ctx.env.emulator.arm({ ...throttled, action: 'CreateAIDBClusterTask', count });
    ctx.env.emulator.arm({ ...throttled, action: 'DescribeAIDBClusterTaskAttribute', count: 2 * count });
    ctx.env.emulator.setRateLimit('DescribeAIDBClusterTaskAttribute', { perSecond: 2, burst: 2 });
    await ctx.start({ count, expect: { outcome: 'completed' } });
  },
};
