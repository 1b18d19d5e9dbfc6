import type { PipelineProgress } from '../src/pipeline/types';
import { progressQuery } from '../src/workflows/definitions';
import { exampleRequest } from './support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

/** Waits until the pipeline's progress satisfies `ready` (bounded, so a broken pipeline fails the test). */
async function waitForProgress(
  handle: Awaited<ReturnType<PipelineHarness['start']>>,
  ready: (progress: PipelineProgress) => boolean,
): Promise<void> {
  let progress: PipelineProgress | undefined;
  for (let attempt = 0; attempt < 600; attempt++) {
    progress = await handle.query(progressQuery);
    if (ready(progress)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The pipeline never reached the expected progress; it last reported ${JSON.stringify(progress)}`);
}

describe('cancelling a pipeline', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('cancellation', {
      emulator: { lifecycle: { creatingMs: 300, runningMs: 60_000 } },
    });
  });

  afterAll(() => harness.close());

  it('deletes the running task and says so in the result', async () => {
    const workflowId = uniqueWorkflowId('cancel-running');
    const handle = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    await waitForProgress(handle, (progress) => progress.taskStatus === 'ACTIVATION');

    await handle.cancel();
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'CANCELLED', cleanup: 'deleted' });
    expect(result.taskId).toMatch(/^pm-/);
    expect(harness.emulator.tasks().filter((task) => task.taskName === workflowId)).toHaveLength(0);
    const deletes = harness.emulator.requestLog({ action: 'DeleteAIDBClusterTask' });
    expect(deletes.filter((entry) => entry.params.DBClusterId === result.taskId)).toHaveLength(1);
  });

  it('keeps the task when the caller asked to', async () => {
    const workflowId = uniqueWorkflowId('cancel-keep');
    const handle = await harness.start(workflowId, {
      request: exampleRequest(),
      polling: fastPolling,
      keepTaskOnCancel: true,
    });
    await waitForProgress(handle, (progress) => progress.taskId !== undefined);

    await handle.cancel();
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'CANCELLED', cleanup: 'kept' });
    expect(harness.emulator.tasks().filter((task) => task.taskName === workflowId)).toHaveLength(1);
  });

  it('finds and deletes a task whose create was still unanswered when the cancel came', async () => {
    const workflowId = uniqueWorkflowId('cancel-creating');
    harness.emulator.faults.add({ kind: 'hold-after-create', action: 'CreateAIDBClusterTask', ms: 2_500 });
    const handle = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    await waitForProgress(
      handle,
      (progress) =>
        progress.stage === 'creating-task' && harness.emulator.tasks().some((task) => task.taskName === workflowId),
    );

    await handle.cancel();
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'CANCELLED', cleanup: 'deleted' });
    expect(harness.emulator.tasks().filter((task) => task.taskName === workflowId)).toHaveLength(0);
  });

  it('says the outcome is unknown when a create went unanswered and no task is listed yet', async () => {
    const workflowId = uniqueWorkflowId('cancel-unknown');
    // Every create is made, unanswered and unlisted for a minute, so whenever the cancel lands, no look finds one.
    harness.emulator.faults.add({ kind: 'drop-after-create', action: 'CreateAIDBClusterTask', count: 'always' });
    harness.emulator.faults.add({ kind: 'list-lag', action: 'CreateAIDBClusterTask', ms: 60_000, count: 'always' });
    const handle = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    const creates = () => harness.emulator.requestLog({ action: 'CreateAIDBClusterTask', taskName: workflowId });
    // The flag is set before the create is scheduled; wait until the emulator has made a task as well.
    await waitForProgress(handle, (progress) => progress.createMayHaveSucceeded === true && creates().length > 0);

    await handle.cancel();
    const result = await handle.result();

    // The task exists but is not listed within the settle window: the result must not claim none was made.
    expect(result).toMatchObject({ status: 'CANCELLED', cleanup: 'unknown', taskId: '' });
    harness.emulator.faults.clear();
    expect(creates().length).toBeGreaterThan(0);
    expect(creates().every((entry) => entry.createdId?.startsWith('pm-'))).toBe(true);
  });
});

describe('cancelling a pipeline whose task has just finished', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('cancel-finished', {
      emulator: { lifecycle: { creatingMs: 100, runningMs: 300 } },
    });
  });

  afterAll(() => harness.close());

  it('does not delete the finished task', async () => {
    const workflowId = uniqueWorkflowId('cancel-finished');
    // The task is held running until the pipeline has read its status once; then it is let go and completes
    // while the pipeline sleeps through a long poll interval, and only then does the cancel arrive. Holding it
    // makes the order certain however slowly the machine runs.
    harness.emulator.faults.add({ kind: 'hang-task', action: 'CreateAIDBClusterTask', state: 'ACTIVATION' });
    const handle = await harness.start(workflowId, {
      request: exampleRequest(),
      polling: { initialIntervalSeconds: 600, maxIntervalSeconds: 600, deadlineSeconds: 3600 },
    });
    await waitForProgress(handle, (progress) => progress.stage === 'waiting-for-task' && progress.statusReads === 1);
    harness.emulator.faults.clear();
    await waitForTaskToComplete(harness, workflowId);

    await handle.cancel();
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'CANCELLED', cleanup: 'already-finished' });
    expect(harness.emulator.tasks().find((task) => task.taskName === workflowId)?.status).toBe('COMPLETED');
    expect(harness.emulator.requestLog({ action: 'DeleteAIDBClusterTask' })).toHaveLength(0);
  });
});

async function waitForTaskToComplete(harness: PipelineHarness, taskName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (harness.emulator.tasks().find((task) => task.taskName === taskName)?.status === 'COMPLETED') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The emulated task never completed');
}
