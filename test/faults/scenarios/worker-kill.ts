import type { FaultScenario } from '../scenario';

/** Keeps a create's answer away long enough for the worker to be killed while it waits for it. */
const holdMs = 10_000;

/**
 * The worker is SIGKILLed with pipelines in two places and started again: some waiting on a create whose
 * task exists but whose answer is held, the rest polling tasks kept running by a hang. The restarted worker
 * must adopt the created tasks (after the heartbeat timeout) and carry on polling the others.
 */
export const workerKill: FaultScenario = {
  key: 'wk',
  title: 'worker SIGKILL + restart (creating, polling)',
  perScale: 4,
  async run(ctx, count) {
    const { emulator, worker } = ctx.env;
    const polling = Math.ceil(count / 2);

    emulator.arm({ kind: 'hang-task', count: polling });
    const pollers = await ctx.start({ count: polling, expect: { outcome: 'completed', adopted: false } });
    await ctx.waitFor(
      pollers,
      'waiting-for-task after a status read',
      (p) => p.stage === 'waiting-for-task' && p.statusReads > 0,
    );

    emulator.arm({ kind: 'hold-after-create', ms: holdMs, count: count - polling });
    const creators = await ctx.start({ count: count - polling, expect: { outcome: 'completed', adopted: true } });
    await ctx.waitFor(
      creators,
      'creating-task with the task created',
      (p, taskExists) => p.stage === 'creating-task' && taskExists,
    );

    await worker.kill();
    await worker.start();
    // Release the hung tasks only now, so every poller was still waiting when the worker died.
    emulator.clearFaults();
  },
};
