import type { FaultSpec } from '../emulator';
import { DEMO_ACCESS_KEY_SECRET } from '../emulator';
import { capturedLogText } from './support/captured-logs';
import { historyBytes } from './support/history-text';
import { exampleRequest } from './support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

describe('a create whose response is lost', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('lost-create');
  });

  afterAll(() => harness.close());

  it.each([
    ['the connection drops after the task is created', { kind: 'drop-after-create' } as const],
    ['the answer is held past the read timeout', { kind: 'hold-after-create', ms: 5_000 } as const],
  ] satisfies [string, FaultSpec][])('ends with exactly one task when %s', async (_case, fault) => {
    const workflowId = uniqueWorkflowId('lost-create');
    harness.emulator.faults.add({ action: 'CreateAIDBClusterTask', count: 1, ...fault });

    const handle = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    const result = await handle.result();

    const ours = harness.emulator.tasks().filter((task) => task.taskName === workflowId);
    expect(ours).toHaveLength(1);
    expect(result.taskId).toBe(ours[0]?.taskId);
    expect(result.adopted).toBe(true);
    expect(result.status).toBe('COMPLETED');
    const creates = harness.emulator
      .requestLog()
      .filter((entry) => entry.action === 'CreateAIDBClusterTask' && entry.params.TaskName === workflowId);
    expect(creates).toHaveLength(1);

    // Timeouts and resets quote the request URL; neither the secret nor the query may be recorded.
    expect((await historyBytes(handle)).includes(DEMO_ACCESS_KEY_SECRET)).toBe(false);
    expect(capturedLogText()).not.toContain(DEMO_ACCESS_KEY_SECRET);
    expect(capturedLogText()).not.toContain('RunningParameter=');
  });
});
