import { DEMO_ACCESS_KEY_SECRET } from '../emulator';
import { capturedLogText } from './support/captured-logs';
import { historyBytes } from './support/history-text';
import { pipelineFailure } from './support/pipeline-failure';
import { exampleRequest } from './support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

describe('a remote task that ends FAILED', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('remote-failure');
  });

  afterAll(() => harness.close());

  it('fails the pipeline with RemoteTaskFailed naming the task', async () => {
    harness.emulator.faults.add({ action: 'CreateAIDBClusterTask', kind: 'fail-task', message: 'CUDA out of memory' });
    const workflowId = uniqueWorkflowId('remote-failed');
    const handle = await harness.start(workflowId, {
      request: exampleRequest(),
      polling: fastPolling,
    });

    const cause = await pipelineFailure(handle.result());
    expect(cause.type).toBe('RemoteTaskFailed');

    const task = harness.emulator.tasks().find((candidate) => candidate.taskName === workflowId);
    expect(task?.status).toBe('FAILED');
    expect(cause.message).toContain(task?.taskId);
    expect(cause.message).toContain('ended FAILED');
    // The last log lines of the task travel with the failure, so the reason is visible without the console.
    expect(cause.message).toContain('CUDA out of memory');
    const details = cause.details?.[0] as { logTail?: string[] };
    expect(details.logTail?.some((line) => line.includes('CUDA out of memory'))).toBe(true);
  });

  it('redacts the worker’s AccessKey secret when the failed job printed it', async () => {
    const leakyReason = `cannot reach the bucket with key=${DEMO_ACCESS_KEY_SECRET}`;
    harness.emulator.faults.add({ action: 'CreateAIDBClusterTask', kind: 'fail-task', message: leakyReason });
    const handle = await harness.start(uniqueWorkflowId('remote-failed-leaky'), {
      request: exampleRequest(),
      polling: fastPolling,
    });

    const cause = await pipelineFailure(handle.result());
    expect(cause.type).toBe('RemoteTaskFailed');
    expect(cause.message).toContain('cannot reach the bucket with key=[redacted]');
    expect((await historyBytes(handle)).includes(DEMO_ACCESS_KEY_SECRET)).toBe(false);
    expect(capturedLogText()).not.toContain(DEMO_ACCESS_KEY_SECRET);
  });
});
