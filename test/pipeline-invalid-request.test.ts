import { pipelineFailure } from './support/pipeline-failure';
import { exampleRequest } from './support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

describe('a pipeline started with a bad request', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('invalid-request');
  });

  afterAll(() => harness.close());

  it('fails with InvalidRequest naming the field, before any API call', async () => {
    const request = exampleRequest();
    const handle = await harness.start(uniqueWorkflowId('invalid'), {
      request: {
        ...request,
        RunningParameter: { ...(request.RunningParameter as object), gpu_memory_utilization: 1.5 },
      },
      polling: fastPolling,
    });

    const cause = await pipelineFailure(handle.result());
    expect(cause.type).toBe('InvalidRequest');
    expect(cause.message).toContain('RunningParameter.gpu_memory_utilization');
    expect(harness.emulator.requestLog()).toHaveLength(0);
  });

  it('fails with DatasetCheckFailed and creates nothing when a named data file is not in the dataset', async () => {
    const request = exampleRequest();
    const handle = await harness.start(uniqueWorkflowId('dataset'), {
      request: {
        ...request,
        RunningParameter: { ...(request.RunningParameter as object), data_file_list: 'missing-file.jsonl#10' },
      },
      polling: fastPolling,
    });

    const cause = await pipelineFailure(handle.result());
    expect(cause.type).toBe('DatasetCheckFailed');
    expect(cause.message).toContain('missing-file.jsonl');
    expect(cause.message).toContain('pds-2zetrain000001');
    expect(harness.emulator.requestLog().filter((entry) => entry.action === 'CreateAIDBClusterTask')).toHaveLength(0);
  });

  it.each([
    ['an evaluation dataset as DatasetPath', { DatasetPath: 'pds-2zeeval0000001' }, 'is of type eval, expected train'],
    [
      'an sft dataset for a grpo run',
      { DatasetPath: 'pds-2zesft00000001' },
      'training mode sft, but train_mode is grpo',
    ],
    ['a dataset that does not exist', { DatasetPath: 'pds-2zenothere00001' }, 'not found or has no files'],
  ])('fails with DatasetCheckFailed for %s and creates nothing', async (_case, change, reason) => {
    const request = exampleRequest();
    const handle = await harness.start(uniqueWorkflowId('dataset'), {
      request: { ...request, ...change },
      polling: fastPolling,
    });

    const cause = await pipelineFailure(handle.result());
    expect(cause.type).toBe('DatasetCheckFailed');
    expect(cause.message).toContain(reason);
    expect(cause.message).toContain(change.DatasetPath);
    expect(harness.emulator.requestLog({ action: 'CreateAIDBClusterTask' })).toHaveLength(0);
  });
});
