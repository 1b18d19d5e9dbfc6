import type { FaultSpec } from '../../../emulator';
import type { FaultScenario } from '../scenario';

/**
 * 5xx bursts on every action a pipeline calls, in the order it calls them: an `InternalError` 500 on each,
 * gateway HTML pages and empty 503s that the client cannot parse, and connections reset before anything is
 * read. On the create each of these is ambiguous or harmless, and must never lead to a second task.
 */
function burst(perAction: number): FaultSpec[] {
  const count = perAction;
  return [
    { kind: 'error', code: 'InternalError', httpStatus: 500, action: 'DescribeAIDBClusterDatasets', count },
    { kind: 'server-error-html', action: 'DescribeAIDBClusterDatasets', count },
    { kind: 'error', code: 'InternalError', httpStatus: 500, action: 'DescribeAIDBClusterTasks', count },
    { kind: 'error', code: 'InternalError', httpStatus: 500, action: 'CreateAIDBClusterTask', count },
    { kind: 'reset', action: 'CreateAIDBClusterTask', count },
    { kind: 'error', code: 'InternalError', httpStatus: 500, action: 'DescribeAIDBClusterTaskAttribute', count },
    { kind: 'server-error-empty', action: 'DescribeAIDBClusterTaskAttribute', count },
    { kind: 'reset', action: 'DescribeAIDBClusterTaskAttribute', count },
    { kind: 'error', code: 'InternalError', httpStatus: 500, action: 'DescribeAIDBClusterTaskMetrics', count },
    { kind: 'server-error-html', action: 'DescribeAIDBClusterTaskMetrics', count },
  ];
}

export const serverErrorBursts: FaultScenario = {
  key: 'se',
  title: '5xx bursts (500, HTML 502, empty 503, reset)',
  perScale: 2,
  async run(ctx, count) {
    // One of each per two pipelines: every pipeline meets about one fault per action, the create included.
    for (const spec of burst(Math.ceil(count / 2))) ctx.env.emulator.arm(spec);
    await ctx.start({ count, expect: { outcome: 'completed' } });
  },
};
