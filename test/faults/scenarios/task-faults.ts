import type { FaultScenario } from '../scenario';

/** Short enough that a hung task's pipeline gives up within the scenario. */
const hangDeadlineSeconds = 3;

/**
 * Tasks that end FAILED, hang in ACTIVATION past the pipeline's deadline, or vanish (deleted by someone
 * else). Each group's fault is armed just before it starts and used up by its creates, so every pipeline
 * knows which fault its task got; each must fail with the failure type that says what happened.
 */
export const taskFaults: FaultScenario = {
  key: 'tk',
  title: 'tasks that fail, hang or vanish',
  perScale: 3,
  async run(ctx, count) {
    const { emulator } = ctx.env;
    const failing = Math.ceil(count / 3);
    const hanging = Math.ceil((count - failing) / 2);
    const vanishing = count - failing - hanging;
    const created = (p: { taskId?: string }, taskExists: boolean): boolean => p.taskId !== undefined || taskExists;

    emulator.arm({ kind: 'fail-task', message: 'CUDA out of memory (fault suite)', count: failing });
    const failed = await ctx.start({ count: failing, expect: { outcome: 'failed', failureType: 'RemoteTaskFailed' } });
    await ctx.waitFor(failed, 'a created task', created);

    if (hanging > 0) {
      emulator.arm({ kind: 'hang-task', count: hanging });
      const hung = await ctx.start({
        count: hanging,
        expect: { outcome: 'failed', failureType: 'TaskDeadlineExceeded' },
        polling: { initialIntervalSeconds: 0.2, maxIntervalSeconds: 0.5, deadlineSeconds: hangDeadlineSeconds },
      });
      await ctx.waitFor(hung, 'a created task', created);
    }

    if (vanishing > 0) {
      emulator.arm({ kind: 'vanish-task', count: vanishing });
      await ctx.start({ count: vanishing, expect: { outcome: 'failed', failureType: 'TaskVanished' } });
    }
  },
};
