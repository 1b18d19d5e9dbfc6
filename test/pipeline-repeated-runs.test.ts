import { pipelineFailure } from './support/pipeline-failure';
import { exampleRequest } from './support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

/** Ways one pipeline can run its create more than once; each must still end with exactly one task. */
describe('a pipeline that runs again', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('repeated-runs');
  });

  afterAll(() => harness.close());

  const tasksNamed = (name: string) => harness.emulator.tasks().filter((task) => task.taskName === name);
  const failureType = async (promise: Promise<unknown>) => (await pipelineFailure(promise)).type;

  it('adopts its task after a reset to the first workflow task', async () => {
    const workflowId = uniqueWorkflowId('reset');
    const first = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    await first.result();

    const history = await first.fetchHistory();
    const firstTaskCompleted = history.events?.find((event) => event.workflowTaskCompletedEventAttributes);
    const reset = await harness.client.workflowService.resetWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId, runId: first.firstExecutionRunId },
      workflowTaskFinishEventId: firstTaskCompleted?.eventId,
      reason: 'test: reset to the first workflow task',
      requestId: `${workflowId}-reset`,
    });
    const rerun = harness.client.workflow.getHandle(workflowId, reset.runId ?? undefined);
    const result = await rerun.result();

    expect(result.adopted).toBe(true);
    expect(tasksNamed(workflowId)).toHaveLength(1);
    expect(result.taskId).toBe(tasksNamed(workflowId)[0]?.taskId);
  });

  it('adopts the earlier task when the same workflow id is started again after a failure', async () => {
    const workflowId = uniqueWorkflowId('again');
    harness.emulator.faults.add({ kind: 'fail-task', action: 'CreateAIDBClusterTask', message: 'node lost' });
    const first = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    expect(await failureType(first.result())).toBe('RemoteTaskFailed');

    const second = await harness.start(workflowId, { request: exampleRequest(), polling: fastPolling });
    const cause = await pipelineFailure(second.result());
    expect(cause.type).toBe('RemoteTaskFailed');
    // The second run says the failure is the adopted task's, and still finds the reason in its logs.
    expect(cause.message).toMatch(/\(adopted, created \d{4}-\d\d-\d\dT/);
    expect(cause.message).toContain('node lost');

    expect(tasksNamed(workflowId)).toHaveLength(1);
    expect(harness.emulator.requestLog({ action: 'CreateAIDBClusterTask', taskName: workflowId })).toHaveLength(1);
  });

  it('adopts the task of the failed attempt under a workflow retry policy', async () => {
    const workflowId = uniqueWorkflowId('retry-policy');
    harness.emulator.faults.add({ kind: 'fail-task', action: 'CreateAIDBClusterTask', message: 'preempted' });
    const handle = await harness.client.workflow.start('fineTunePipeline', {
      workflowId,
      taskQueue: harness.taskQueue,
      args: [{ request: exampleRequest(), polling: fastPolling }],
      retry: { maximumAttempts: 2, initialInterval: '100 ms' },
    });

    expect(await failureType(handle.result())).toBe('RemoteTaskFailed');
    // The failure seen is the second attempt's: the policy did run the pipeline again.
    const latest = await harness.client.workflow.getHandle(workflowId).fetchHistory();
    expect(latest.events?.[0]?.workflowExecutionStartedEventAttributes?.attempt).toBe(2);
    expect(tasksNamed(workflowId)).toHaveLength(1);
    expect(harness.emulator.requestLog({ action: 'CreateAIDBClusterTask', taskName: workflowId })).toHaveLength(1);
  });

  it('refuses to adopt a task of the same name that runs another model, and creates nothing', async () => {
    const taskName = uniqueWorkflowId('shared-name');
    const first = await harness.start(uniqueWorkflowId('name-owner'), {
      request: { ...exampleRequest(), TaskName: taskName },
      polling: fastPolling,
    });
    await first.result();

    const other = await harness.start(uniqueWorkflowId('name-reuser'), {
      request: { ...exampleRequest(), TaskName: taskName, ModelName: 'Qwen3-32B' },
      polling: fastPolling,
    });
    const cause = await pipelineFailure(other.result());

    expect(cause.type).toBe('TaskNameConflict');
    expect(cause.message).toContain(`ModelName is 'Qwen3-8B' where this request asks for 'Qwen3-32B'`);
    expect(tasksNamed(taskName)).toHaveLength(1);
    expect(harness.emulator.requestLog({ action: 'CreateAIDBClusterTask', taskName })).toHaveLength(1);
  });

  it('adopts a task of the same name that runs the same job', async () => {
    const taskName = uniqueWorkflowId('same-job');
    await (
      await harness.start(uniqueWorkflowId('job-a'), {
        request: { ...exampleRequest(), TaskName: taskName },
        polling: fastPolling,
      })
    ).result();
    const second = await harness.start(uniqueWorkflowId('job-b'), {
      request: { ...exampleRequest(), TaskName: taskName },
      polling: fastPolling,
    });

    expect(await second.result()).toMatchObject({ adopted: true, taskId: tasksNamed(taskName)[0]?.taskId });
  });
});
