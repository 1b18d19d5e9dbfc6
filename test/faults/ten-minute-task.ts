import type { FaultScenario } from './scenario';
import { suiteLifecycle } from './suite-emulator';

/** Everything here is a ten-minute task with production polling (30 s, up to 300 s), scaled down by ten. */
const scaledRunningMs = 60_000;
const scaledPolling = { initialIntervalSeconds: 3, maxIntervalSeconds: 30 };

/**
 * Not a fault: one pipeline on a task that runs 60 s, polled at a tenth of the production intervals, so its
 * API calls per action are those a ten-minute task costs with the default polling. The emulator restarts on
 * its state file (same port) with the longer duration for the tasks created from then on, so this runs last.
 */
export const tenMinuteTask: FaultScenario = {
  key: 'tm',
  title: 'ten-minute task (60 s, polled at 3 s to 30 s)',
  perScale: 0,
  timeoutMs: 180_000,
  async run(ctx, count) {
    await ctx.env.emulator.restart({ creatingMs: suiteLifecycle.creatingMs, runningMs: scaledRunningMs });
    await ctx.start({ count, expect: { outcome: 'completed', adopted: false }, polling: scaledPolling });
  },
};
