import type { PipelineProgress } from '../../../src/pipeline/types';
import type { FaultScenario } from '../scenario';

/** Keeps the dataset check in flight (it times out at 2 s and retries) long enough to cancel it there. */
const datasetDelayMs = 3_000;
/** Keeps the create unanswered after the task exists, so the cancel lands mid-create. */
const createHoldMs = 3_000;

const polled = (p: PipelineProgress): boolean => p.stage === 'waiting-for-task' && p.statusReads > 0;

/**
 * Cancels pipelines at each stage: while checking datasets (nothing may be created), while the create is
 * unanswered (the task exists and must be found and deleted), while waiting for the task (deleted), and
 * while waiting with `keepTaskOnCancel` (kept). Groups are started one after another so that each one's
 * fault is used up by its own calls, then all are cancelled together.
 */
export const cancellation: FaultScenario = {
  key: 'cx',
  title: 'cancellation at each stage (+ keepTaskOnCancel)',
  perScale: 4,
  async run(ctx, count) {
    const { emulator } = ctx.env;
    const share = (group: number): number => Math.floor(count / 4) + (group < count % 4 ? 1 : 0);

    emulator.arm({ kind: 'delay', action: 'DescribeAIDBClusterDatasets', ms: datasetDelayMs, count: share(0) });
    const checking = await ctx.start({ count: share(0), expect: { outcome: 'cancelled', cleanup: 'not-created' } });
    await ctx.waitFor(checking, 'checking-datasets', (p) => p.stage === 'checking-datasets');
    await Promise.all(checking.map((p) => p.handle.cancel()));

    emulator.arm({ kind: 'hold-after-create', ms: createHoldMs, count: share(1) });
    const creating = await ctx.start({ count: share(1), expect: { outcome: 'cancelled', cleanup: 'deleted' } });
    await ctx.waitFor(
      creating,
      'creating-task with the task created',
      (p, exists) => p.stage === 'creating-task' && exists,
    );
    await Promise.all(creating.map((p) => p.handle.cancel()));

    // Hung tasks stay running until the runner clears the faults, so these are cancelled mid-wait.
    emulator.arm({ kind: 'hang-task', count: share(2) + share(3) });
    const waiting = await ctx.start({ count: share(2), expect: { outcome: 'cancelled', cleanup: 'deleted' } });
    const keeping = await ctx.start({
      count: share(3),
      expect: { outcome: 'cancelled', cleanup: 'kept' },
      keepTaskOnCancel: true,
    });
    await ctx.waitFor([...waiting, ...keeping], 'waiting-for-task after a status read', polled);
    await Promise.all([...waiting, ...keeping].map((p) => p.handle.cancel()));
  },
};
