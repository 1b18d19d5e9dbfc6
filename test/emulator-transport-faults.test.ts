process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { startEmulator } from '../emulator';
import { sendV3 } from '../emulator/testing/hand-signed';
import { demoCreateParams, demoListParams } from '../emulator/testing/demo-params';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RunningEmulator } from '../emulator';

const createParams = demoCreateParams;
const listParams = demoListParams;

describe('faults on the wire', () => {
  let emulator: RunningEmulator;

  const call = (action: string, params: Record<string, unknown>, options: { signatureAlgorithm?: 'v2' } = {}) =>
    callAction(officialClient(emulator.endpoint, options), action, params);
  const create = (taskName: string) => call('CreateAIDBClusterTask', { ...createParams, TaskName: taskName });
  const named = (taskName: string) => emulator.tasks().filter((task) => task.taskName === taskName);

  beforeEach(async () => {
    emulator = await startEmulator();
  });

  afterEach(() => emulator.close());

  it('server-error-html answers a 502 HTML page that the client cannot parse, and performs nothing', async () => {
    emulator.faults.add({ kind: 'server-error-html', action: 'CreateAIDBClusterTask' });

    const failure = await failureOf(create('behind-a-gateway'));
    expect(failure.name).toBe('SyntaxError');
    expect(failure.statusCode).toBeUndefined();
    expect(named('behind-a-gateway')).toHaveLength(0);
    expect(emulator.requestLog().at(-1)).toMatchObject({
      action: 'CreateAIDBClusterTask',
      outcome: 'server-error',
      httpStatus: 502,
      fault: 'server-error-html',
    });
  });

  it('answers an over-long request target with a 414 page, performs nothing and logs it', async () => {
    // The official client puts RunningParameter in the query: 40 KiB of it makes a URL past the 32 KiB limit.
    const runningParameter = JSON.stringify({ train_mode: 'grpo', note: 'x'.repeat(40 * 1024) });
    const failure = await failureOf(
      call('CreateAIDBClusterTask', { ...createParams, TaskName: 'too-long', RunningParameter: runningParameter }),
    );

    expect(failure.name).toBe('SyntaxError');
    expect(named('too-long')).toHaveLength(0);
    expect(emulator.requestLog().at(-1)).toMatchObject({
      action: 'CreateAIDBClusterTask',
      outcome: 'uri-too-long',
      httpStatus: 414,
    });
  });

  it('serves a request target above Node’s default head size but under the limit', async () => {
    const runningParameter = JSON.stringify({ train_mode: 'grpo', note: 'x'.repeat(20 * 1024) });
    await call('CreateAIDBClusterTask', {
      ...createParams,
      TaskName: 'long-but-fine',
      RunningParameter: runningParameter,
    });
    expect(named('long-but-fine')).toHaveLength(1);
  });

  it('server-error-html sends text/html with the chosen status', async () => {
    emulator.faults.add({ kind: 'server-error-html', httpStatus: 504 });
    const answer = await sendV3({
      endpoint: emulator.endpoint,
      action: 'DescribeAIDBClusterTasks',
      params: listParams,
    });

    expect(answer.status).toBe(504);
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.body).toMatch(/^<!DOCTYPE html>[\s\S]*504 Gateway Timeout/);
  });

  it('server-error-empty answers a 503 with no body at all', async () => {
    emulator.faults.add({ kind: 'server-error-empty', count: 2 });

    const failure = await failureOf(call('DescribeAIDBClusterTasks', listParams));
    expect(failure.name).toBe('SyntaxError');
    expect(failure.statusCode).toBeUndefined();
    const answer = await sendV3({
      endpoint: emulator.endpoint,
      action: 'DescribeAIDBClusterTasks',
      params: listParams,
    });
    expect(answer).toMatchObject({ status: 503, body: '' });
    expect(answer.headers['content-type']).toBeUndefined();
    await expect(call('DescribeAIDBClusterTasks', listParams)).resolves.toHaveProperty('Items');
  });

  it('reset drops the connection before anything is done: no task, no answer', async () => {
    emulator.faults.add({ kind: 'reset', action: 'CreateAIDBClusterTask' });

    await expect(call('DescribeAIDBClusterTasks', listParams)).resolves.toHaveProperty('Items');
    const failure = await failureOf(create('never-made'));
    expect(failure.code).toBe('ECONNRESET');
    expect(failure.statusCode).toBeUndefined();
    expect(named('never-made')).toHaveLength(0);
    expect(emulator.requestLog().at(-1)).toMatchObject({
      action: 'CreateAIDBClusterTask',
      outcome: 'not-served',
      httpStatus: 0,
      fault: 'reset',
      params: {},
    });

    await create('never-made');
    expect(named('never-made')).toHaveLength(1);
  });

  it('reset also catches V2 requests', async () => {
    emulator.faults.add({ kind: 'reset', action: 'DescribeAIDBClusterTasks' });
    expect((await failureOf(call('DescribeAIDBClusterTasks', listParams, { signatureAlgorithm: 'v2' }))).code).toBe(
      'ECONNRESET',
    );
  });

  it.each([
    ['ahead', 20 * 60_000],
    ['behind', -20 * 60_000],
  ])('clock-shift %s makes a right client clock look skewed until cleared', async (_case, ms) => {
    emulator.faults.add({ kind: 'clock-shift', ms });

    for (const options of [{}, { signatureAlgorithm: 'v2' as const }]) {
      expect(await failureOf(call('DescribeAIDBClusterTasks', listParams, options))).toMatchObject({
        code: 'InvalidTimeStamp.Expired',
        statusCode: 400,
      });
    }
    expect(emulator.faults.list()).toEqual([expect.objectContaining({ remaining: 'always' })]);
    emulator.faults.clear();
    await expect(call('DescribeAIDBClusterTasks', listParams)).resolves.toHaveProperty('Items');
  });

  it('clock-shift within the 15-minute window is tolerated, and the latest shift wins', async () => {
    emulator.faults.add({ kind: 'clock-shift', ms: 40 * 60_000 });
    emulator.faults.add({ kind: 'clock-shift', ms: 14 * 60_000 });
    await expect(call('DescribeAIDBClusterTasks', listParams)).resolves.toHaveProperty('Items');
  });
});

describe('the Date header', () => {
  it('shows the server clock, clock-shift included, even on a refusal', async () => {
    const clock = Date.parse('2026-01-15T08:00:00Z');
    const emulator = await startEmulator({ now: () => clock });
    try {
      const unsigned = () => fetch(`http://${emulator.endpoint}/`, { method: 'POST' });
      expect((await unsigned()).headers.get('date')).toBe('Thu, 15 Jan 2026 08:00:00 GMT');

      emulator.faults.add({ kind: 'clock-shift', ms: -20 * 60_000 });
      const shifted = await unsigned();
      expect(shifted.status).toBe(400);
      expect(shifted.headers.get('date')).toBe('Thu, 15 Jan 2026 07:40:00 GMT');
    } finally {
      await emulator.close();
    }
  });
});
