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
    const handle = await harness.start(uniqueWorkflowId('remote-failed'), {
      request: exampleRequest(),
      polling: fastPolling,
    });

    const cause = await pipelineFailure(handle.result());
    expect(cause.type).toBe('RemoteTaskFailed');

    const [task] = harness.emulator.tasks();
    expect(task?.status).toBe('FAILED');
    expect(cause.message).toContain(task?.taskId);
    expect(cause.message).toContain('ended FAILED');
    // The last log lines of the task travel with the failure, so the reason is visible without the console.
    expect(cause.message).toContain('CUDA out of memory');
    const details = cause.details?.[0] as { logTail?: string[] };
    expect(details.logTail?.some((line) => line.includes('CUDA out of memory'))).toBe(true);
  });
});
