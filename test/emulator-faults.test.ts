process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { FaultSpecError, startEmulator } from '../emulator';
import { demoCreateParams, demoListParams } from '../emulator/testing/demo-params';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RunningEmulator } from '../emulator';

const createParams = demoCreateParams;
const listParams = demoListParams;

/** Polls `condition` (at most 5 s) for effects that happen after the client has given up. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('fault injection', () => {
  let clock = Date.now();
  let emulator: RunningEmulator;

  const call = (action: string, params: Record<string, unknown>, readTimeout?: number) =>
    callAction(officialClient(emulator.endpoint, readTimeout === undefined ? {} : { readTimeout }), action, params);
  const create = (taskName: string, readTimeout?: number) =>
    call('CreateAIDBClusterTask', { ...createParams, TaskName: taskName }, readTimeout);
  const named = (taskName: string) => emulator.tasks().filter((task) => task.taskName === taskName);

  beforeEach(async () => {
    emulator = await startEmulator({ now: () => clock, lifecycle: { creatingMs: 100, runningMs: 100 } });
  });

  afterEach(() => emulator.close());

  it('drop-after-create creates exactly one task and the client sees a transport error', async () => {
    emulator.faults.add({ kind: 'drop-after-create' });

    const failure = await failureOf(create('dropped'));
    expect(failure).toMatchObject({ code: 'ECONNRESET' });
    expect(failure.statusCode).toBeUndefined();
    expect(named('dropped')).toHaveLength(1);
    expect(emulator.requestLog().at(-1)).toMatchObject({
      action: 'CreateAIDBClusterTask',
      outcome: 'ok',
      httpStatus: 0,
      fault: 'drop-after-create',
      params: { TaskName: 'dropped' },
    });

    await create('dropped');
    expect(named('dropped')).toHaveLength(2);
  });

  it('hold-after-create creates the task and answers after the client has timed out', async () => {
    emulator.faults.add({ kind: 'hold-after-create', ms: 1_500, action: 'CreateAIDBClusterTask' });

    const failure = await failureOf(create('held', 300));
    expect(failure.name).toBe('RequestTimeoutError');
    expect(failure.statusCode).toBeUndefined();
    expect(named('held')).toHaveLength(1);
  });

  it('error answers the chosen code and status for count requests, then serves again', async () => {
    emulator.faults.add({ kind: 'error', action: 'DescribeAIDBClusterTasks', code: 'ServiceUnavailable', count: 2 });

    for (let i = 0; i < 2; i += 1) {
      expect(await failureOf(call('DescribeAIDBClusterTasks', listParams))).toMatchObject({
        code: 'ServiceUnavailable',
        statusCode: 503,
      });
    }
    await expect(call('DescribeAIDBClusterTasks', listParams)).resolves.toHaveProperty('Items');
  });

  it('error takes an explicit status and leaves other actions alone', async () => {
    emulator.faults.add({ kind: 'error', action: 'CreateAIDBClusterTask', code: 'Throttling.User', httpStatus: 429 });

    await expect(call('DescribeAIDBClusterTasks', listParams)).resolves.toHaveProperty('Items');
    expect(await failureOf(create('throttled'))).toMatchObject({ code: 'Throttling.User', statusCode: 429 });
    expect(named('throttled')).toHaveLength(0);
  });

  it('delay holds a create past the client timeout, and the create still happens', async () => {
    emulator.faults.add({ kind: 'delay', action: 'CreateAIDBClusterTask', ms: 1_500 });

    expect((await failureOf(create('delayed', 300))).name).toBe('RequestTimeoutError');
    // The create runs once the delay is over; the late answer goes to a client that has gone.
    await waitFor(() => named('delayed').length > 0);
    expect(named('delayed')).toHaveLength(1);
    expect(emulator.requestLog({ action: 'CreateAIDBClusterTask' }).at(-1)).toMatchObject({ fault: 'delay' });
  });

  it('fail-task makes the next created task end FAILED with the reason', async () => {
    emulator.faults.add({ kind: 'fail-task', message: 'CUDA out of memory' });
    const taskId = String((await create('doomed')).DBClusterId);
    const healthy = String((await create('healthy')).DBClusterId);

    clock += 1_000;
    const detail = await call('DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId });
    expect(detail).toMatchObject({ DBClusterStatus: 'FAILED', DBClusterStatusDesc: 'FAILED' });
    expect(detail.ModelPath).toBeUndefined();
    expect(detail.ExtraInfo).toContainEqual({ FailedReason: 'CUDA out of memory' });
    expect(await call('DescribeAIDBClusterTaskAttribute', { DBClusterId: healthy })).toMatchObject({
      DBClusterStatus: 'COMPLETED',
    });
  });

  it('fail-task with a taskId fails that existing task', async () => {
    const taskId = String((await create('later-doomed')).DBClusterId);
    expect(emulator.faults.add({ kind: 'fail-task', taskId }).remaining).toBe(0);
    expect(emulator.faults.list()).toEqual([]);

    clock += 1_000;
    expect(emulator.tasks()[0]).toMatchObject({ taskId, status: 'FAILED', failReason: 'Emulated training failure.' });
    expect(() => emulator.faults.add({ kind: 'fail-task', taskId: 'pm-doesnotexist00' })).toThrow(FaultSpecError);
  });

  it('omit-list-status leaves DBNodeStatus out of the list items', async () => {
    await create('quiet');
    emulator.faults.add({ kind: 'omit-list-status' });

    const [item] = (await call('DescribeAIDBClusterTasks', listParams)).Items as Record<string, unknown>[];
    expect(item).not.toHaveProperty('DBNodeStatus');
    expect(item).toHaveProperty('DBNodeStatusDesc');
    const [again] = (await call('DescribeAIDBClusterTasks', listParams)).Items as Record<string, unknown>[];
    expect(again).toHaveProperty('DBNodeStatus');
  });

  it("count 'always' keeps a fault armed until cleared", async () => {
    emulator.faults.add({ kind: 'error', code: 'InternalError', count: 'always' });
    for (let i = 0; i < 3; i += 1) {
      expect((await failureOf(call('DescribeAIDBClusterTasks', listParams))).statusCode).toBe(500);
    }
    expect(emulator.faults.clear()).toBe(1);
    await expect(call('DescribeAIDBClusterTasks', listParams)).resolves.toHaveProperty('Items');
  });

  it.each([
    ['an unknown kind', { kind: 'vanish' }],
    ['a misspelt field', { kind: 'error', code: 'Throttling', cuont: 2 }],
    ['a zero count', { kind: 'omit-list-status', count: 0 }],
    ['an unknown action', { kind: 'delay', ms: 10, action: 'DescribeEverything' }],
    ['a list fault aimed at create', { kind: 'omit-list-status', action: 'CreateAIDBClusterTask' }],
    ['a clock-shift with a count', { kind: 'clock-shift', ms: 60_000, count: 1 }],
    ['a list-lag aimed at the list', { kind: 'list-lag', ms: 10, action: 'DescribeAIDBClusterTasks' }],
    ['a hang in an unknown state', { kind: 'hang-task', state: 'RUNNING' }],
    ['a server error with a 4xx status', { kind: 'server-error-html', httpStatus: 404 }],
    ['a vanish-task with a taskId and a count', { kind: 'vanish-task', taskId: 'pm-x', count: 2 }],
  ])('refuses %s', (_case, spec) => {
    expect(() => emulator.faults.add(spec as never)).toThrow(FaultSpecError);
  });
});

describe('admin routes', () => {
  let emulator: RunningEmulator;
  const admin = (path: string, init?: RequestInit) => fetch(`http://${emulator.endpoint}/__emulator/${path}`, init);
  const postJson = (path: string, body: unknown) =>
    admin(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(() => emulator.close());

  it('arms, lists and clears faults without a signature', async () => {
    const armed = await postJson('faults', { kind: 'error', action: 'CreateAIDBClusterTask', code: 'QuotaNotEnough' });
    expect(armed.status).toBe(201);
    expect(await armed.json()).toMatchObject({ fault: { spec: { code: 'QuotaNotEnough' }, remaining: 1 } });

    expect(await (await admin('faults')).json()).toMatchObject({ faults: [{ spec: { kind: 'error' } }] });
    expect(await (await admin('faults', { method: 'DELETE' })).json()).toEqual({ cleared: 1 });
    expect(emulator.faults.list()).toEqual([]);
  });

  it('refuses bad fault specs and non-JSON posts', async () => {
    const bad = await postJson('faults', { kind: 'error' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toHaveProperty('error');

    const form = await admin('faults', { method: 'POST', body: 'kind=error' });
    expect(form.status).toBe(415);
  });

  it('serves the request log and the tasks', async () => {
    const created = await callAction(officialClient(emulator.endpoint), 'CreateAIDBClusterTask', {
      ...createParams,
      TaskName: 'via-admin',
    });

    const { tasks } = (await (await admin('tasks')).json()) as { tasks: unknown[] };
    expect(tasks).toEqual([expect.objectContaining({ taskId: created.DBClusterId, taskName: 'via-admin' })]);
    const { requests } = (await (await admin('requests')).json()) as { requests: unknown[] };
    expect(requests).toEqual([expect.objectContaining({ action: 'CreateAIDBClusterTask', outcome: 'ok' })]);
    expect(JSON.stringify(requests)).not.toContain('RunningParameter');
  });

  it('answers unknown routes and methods plainly', async () => {
    expect((await admin('nothing')).status).toBe(404);
    expect((await admin('tasks', { method: 'DELETE' })).status).toBe(405);
  });
});
