import type { FaultScenario } from '../scenario';
import { waitUntil } from '../wait';

/** Past the read timeout: the create's activity fails (and reports it) while the server is going down. */
const createHoldMs = 3_000;
/** How long the worker may take to find the restarted server before the suite restarts it (and says so). */
const reconnectTimeoutMs = 90_000;

/**
 * The Temporal dev server is stopped and started again on its state file while pipelines wait on running
 * tasks and others wait on a create whose answer is held (their activity ends while the server is down, so
 * its result is lost and the heartbeat timeout must bring a retry that adopts the task); more pipelines start
 * once it is back. Everything must finish without touching the worker, whose connection should recover.
 */
export const temporalRestart: FaultScenario = {
  key: 'tr',
  title: 'Temporal dev server restarted on its state file',
  perScale: 3,
  async run(ctx, count) {
    const { emulator, temporal, worker } = ctx.env;
    const share = (group: number): number => Math.floor(count / 3) + (group < count % 3 ? 1 : 0);

    emulator.arm({ kind: 'hang-task', count: share(0) });
    const waiting = await ctx.start({ count: share(0), expect: { outcome: 'completed', adopted: false } });
    await ctx.waitFor(
      waiting,
      'waiting-for-task after a status read',
      (p) => p.stage === 'waiting-for-task' && p.statusReads > 0,
    );

    emulator.arm({ kind: 'hold-after-create', ms: createHoldMs, count: share(1) });
    const creating = await ctx.start({ count: share(1), expect: { outcome: 'completed', adopted: true } });
    await ctx.waitFor(
      creating,
      'creating-task with the task created',
      (p, taskExists) => p.stage === 'creating-task' && taskExists,
    );

    await temporal.restart();
    emulator.clearFaults();
    const late = await ctx.start({ count: share(2), expect: { outcome: 'completed' } });

    try {
      await waitUntil(
        async () => {
          const statuses = await Promise.all([...waiting, ...creating, ...late].map((p) => p.handle.describe()));
          return statuses.every((description) => description.status.name !== 'RUNNING');
        },
        {
          what: 'the worker to finish the pipelines after the Temporal restart',
          timeoutMs: reconnectTimeoutMs,
          intervalMs: 500,
        },
      );
      ctx.note('the worker reconnected to the restarted Temporal server by itself');
    } catch {
      ctx.note('the worker did not resume within 90 s of the Temporal restart; the suite restarted it');
      await worker.stop();
      await worker.start();
    }
  },
};
