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

  it('does not watch the list when no create can have been lost', async () => {
    const workflowId = uniqueWorkflowId('no-watch');
    const listReads = () => harness.emulator.requestLog({ action: 'DescribeAIDBClusterTasks' }).length;
    const listReadsBefore = listReads();
    const handle = await harness.start(workflowId, {
      request: exampleRequest(),
      polling: { initialIntervalSeconds: 2, maxIntervalSeconds: 5, deadlineSeconds: 120 },
    });
    const result = await handle.result();

    expect(result.duplicateTasks).toBeUndefined();
    // One list read before the create, none while waiting.
    expect(listReads() - listReadsBefore).toBe(1);
  });
});

describe('a lost create that surfaces in the list only after the settle window', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    // The second create goes out after ~6 s (a 5 s pause, then the 1 s settle window); the first task is listed
    // only at 18 s, while the pipeline still waits on its own, which ends at ~38 s.
    harness = await startPipelineHarness('late-duplicate', {
      emulator: { lifecycle: { creatingMs: 300, runningMs: 32_000 } },
    });
  });

  afterAll(() => harness.close());

  it('deletes the second task once it is listed and reports it', async () => {
    const workflowId = uniqueWorkflowId('late-duplicate');
    harness.emulator.faults.add({ action: 'CreateAIDBClusterTask', kind: 'drop-after-create' });
    harness.emulator.faults.add({ action: 'CreateAIDBClusterTask', kind: 'list-lag', ms: 18_000 });

    const handle = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    const result = await handle.result();

    const creates = harness.emulator.requestLog({ action: 'CreateAIDBClusterTask', taskName: workflowId });
    const lostTaskId = creates[0]?.createdId;
    // The list showed nothing for longer than the settle window, so a second create was sent...
    expect(creates).toHaveLength(2);
    expect(lostTaskId).toMatch(/^pm-/);
    expect(result.taskId).toBe(creates[1]?.createdId);
    // ...and the first task, once listed, was deleted while the pipeline's own ran on to completion.
    expect(result).toMatchObject({ status: 'COMPLETED', duplicateTasks: [{ taskId: lostTaskId, cleanup: 'deleted' }] });
    expect(harness.emulator.tasks().filter((task) => task.taskName === workflowId)).toHaveLength(1);
    const deletes = harness.emulator.requestLog({ action: 'DeleteAIDBClusterTask' });
    expect(deletes.map((entry) => entry.params.DBClusterId)).toEqual([lostTaskId]);
  });
});
