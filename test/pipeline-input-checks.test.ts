import { pipelineFailure } from './support/pipeline-failure';
import { exampleRequest } from './support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

/** The pipeline's own options are validated with the request, before any API call. */
describe('a pipeline started with bad options', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('input-checks');
  });

  afterAll(() => harness.close());

  const failureOf = async (input: unknown) => {
    const handle = await harness.client.workflow.start('fineTunePipeline', {
      workflowId: uniqueWorkflowId('input'),
      taskQueue: harness.taskQueue,
      args: [input],
    });
    return pipelineFailure(handle.result());
  };

  it('refuses polling options that would misbehave after the create', async () => {
    const cause = await failureOf({
      request: exampleRequest(),
      polling: { initialIntervalSeconds: -5, deadlineSeconds: 'abc', bogus: 1 },
    });

    expect(cause.type).toBe('InvalidRequest');
    expect(cause.message).toContain('polling.initialIntervalSeconds');
    expect(cause.message).toContain('polling.deadlineSeconds');
    expect(cause.message).toContain('unknown option(s) bogus');
    expect(harness.emulator.requestLog()).toHaveLength(0);
  });

  it('refuses a request for another region than the worker serves', async () => {
    const cause = await failureOf({ request: { ...exampleRequest(), RegionId: 'cn-hangzhou' } });

    expect(cause.type).toBe('InvalidRequest');
    expect(cause.message).toContain('request.RegionId: is cn-hangzhou, but this worker serves cn-beijing');
    expect(harness.emulator.requestLog()).toHaveLength(0);
  });

  it('fails a null input as InvalidRequest instead of stalling', async () => {
    const cause = await failureOf(null);

    expect(cause.type).toBe('InvalidRequest');
    expect(cause.message).toContain('request: ');
    expect(harness.emulator.requestLog()).toHaveLength(0);
  });
});

describe('a pipeline whose webhook is down', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    harness = await startPipelineHarness('webhook-down', {
      workerEnv: { PIPELINE_WEBHOOK_URL: 'http://127.0.0.1:9/hook' },
    });
  });

  afterAll(() => harness.close());

  it('still returns its result, with notified false', async () => {
    const handle = await harness.start(uniqueWorkflowId('webhook-down'), {
      request: exampleRequest(),
      polling: fastPolling,
    });
    const result = await handle.result();

    expect(result.status).toBe('COMPLETED');
    expect(result.taskId).toMatch(/^pm-/);
    expect(result.notified).toBe(false);
  });
});
