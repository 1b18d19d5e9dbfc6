import { startWebhookReceiver } from '../scripts/lib/webhook-receiver';
import { signWebhook } from '../src/notify/webhook';
import { progressQuery } from '../src/workflows/definitions';
import { exampleRequest } from './support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

describe('a fine-tune pipeline on a real Temporal server against the emulator', () => {
  let harness: PipelineHarness;
  const events: { body: unknown; headers: Record<string, unknown> }[] = [];
  let closeWebhook: () => Promise<void>;

  beforeAll(async () => {
    const webhook = await startWebhookReceiver((body, headers) => events.push({ body, headers }));
    closeWebhook = webhook.close;
    harness = await startPipelineHarness('e2e', {
      workerEnv: { PIPELINE_WEBHOOK_URL: webhook.url, PIPELINE_WEBHOOK_SECRET: 'webhook-secret-for-tests-0001' },
    });
  });

  afterAll(async () => {
    await harness.close();
    await closeWebhook();
  });

  it('creates one task, waits until it completes and returns its id, status, request ids and timings', async () => {
    const workflowId = uniqueWorkflowId('e2e-success');
    const handle = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    const result = await handle.result();

    expect(result.taskId).toMatch(/^pm-[a-z0-9]{14}$/);
    expect(result.status).toBe('COMPLETED');
    expect(result.taskName).toBe(workflowId);
    expect(result.adopted).toBe(false);
    expect(result.requestIds.create).toMatch(/^[0-9A-F-]{36}$/);
    expect(result.requestIds.lastStatus).toMatch(/^[0-9A-F-]{36}$/);
    expect(result.modelPath).toContain(result.taskId);
    expect(Date.parse(result.timings.finishedAt)).toBeGreaterThanOrEqual(
      Date.parse(result.timings.taskCreatedAt ?? ''),
    );
    expect(result.notified).toBe(true);

    const ours = harness.emulator.tasks().filter((task) => task.taskName === workflowId);
    expect(ours.map((task) => task.taskId)).toEqual([result.taskId]);

    const progress = await handle.query(progressQuery);
    expect(progress).toMatchObject({ stage: 'completed', taskId: result.taskId, taskStatus: 'COMPLETED' });
    // Every status read the workflow counted is one the service answered (how many depends on machine speed;
    // an attempt abandoned after a heartbeat timeout is a call without a counted read).
    const statusCalls = harness.emulator
      .requestLog({ action: 'DescribeAIDBClusterTaskAttribute' })
      .filter((entry) => entry.params.DBClusterId === result.taskId);
    expect(statusCalls.length).toBeGreaterThanOrEqual(1);
    expect(progress.statusReads).toBeGreaterThanOrEqual(1);
    expect(progress.statusReads).toBeLessThanOrEqual(statusCalls.length);

    const delivered = events.find((event) => (event.body as { workflowId?: string }).workflowId === workflowId);
    expect(delivered?.body).toMatchObject({ event: 'pipeline.completed', taskId: result.taskId, status: 'COMPLETED' });
    const timestamp = String(delivered?.headers['x-pipeline-timestamp']);
    const expected = signWebhook('webhook-secret-for-tests-0001', timestamp, JSON.stringify(delivered?.body));
    expect(delivered?.headers['x-pipeline-signature']).toBe(`sha256=${expected}`);
  });

  it('sends the caller’s RunningParameter text unchanged', async () => {
    const workflowId = uniqueWorkflowId('e2e-raw-json');
    const request = exampleRequest();
    const text = JSON.stringify(request.RunningParameter)
      .replace('"1e-6"', '"1e-6" ')
      .replace('{', '{ "seed": 12345678901234567890123,');
    const handle = await harness.start(workflowId, {
      request: { ...request, RunningParameter: text },
      polling: fastPolling,
    });
    const result = await handle.result();

    const task = harness.emulator.tasks().find((candidate) => candidate.taskId === result.taskId);
    expect(task?.runningParameter).toBe(text);
  });
});
