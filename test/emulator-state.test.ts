process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Util from '@alicloud/tea-util';

import { DEMO_CLUSTER_ID, StateFileError, startEmulator } from '../emulator';
import { demoCreateParams } from '../emulator/testing/demo-params';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';

const createParams = {
  ...demoCreateParams,
  TaskName: 'survives-restart',
};

describe('the state file', () => {
  let directory: string;
  let stateFile: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'polardb-emulator-'));
    stateFile = join(directory, 'nested', 'state.json');
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(directory, { recursive: true, force: true });
  });

  it('is seeded with the demo cluster and datasets when it does not exist', async () => {
    const emulator = await startEmulator({ stateFile });
    await emulator.close();

    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(state.clusters.map((cluster: { id: string }) => cluster.id)).toEqual([DEMO_CLUSTER_ID]);
    expect(state.datasets).toHaveLength(3);
    expect(readdirSync(join(directory, 'nested'))).toEqual(['state.json']);
  });

  it('lets a restarted emulator continue a task where it was', async () => {
    let clock = Date.now();
    const options = { stateFile, now: () => clock, lifecycle: { creatingMs: 1_000, runningMs: 2_000 } };

    const first = await startEmulator(options);
    const created = await callAction(officialClient(first.endpoint), 'CreateAIDBClusterTask', createParams);
    const taskId = String(created.DBClusterId);
    await first.close();

    clock += 1_500;
    // Different default durations after the restart must not change a task that already exists.
    const second = await startEmulator({ ...options, lifecycle: { creatingMs: 60_000, runningMs: 60_000 } });
    try {
      const client = officialClient(second.endpoint);
      const detail = (): Promise<Record<string, unknown>> =>
        callAction(client, 'DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId });

      expect(await detail()).toMatchObject({ DBClusterDescription: 'survives-restart', DBClusterStatus: 'ACTIVATION' });
      clock += 2_000;
      expect(await detail()).toMatchObject({ DBClusterStatus: 'COMPLETED' });
      expect(second.tasks().map((task) => task.taskId)).toEqual([taskId]);
    } finally {
      await second.close();
    }
  });

  it('remembers nonces across a restart', async () => {
    jest.spyOn(Util, 'getNonce').mockReturnValue('fedcba9876543210fedcba9876543210');
    const params = { RelativeDBClusterId: DEMO_CLUSTER_ID };

    const first = await startEmulator({ stateFile });
    await callAction(officialClient(first.endpoint), 'DescribeAIDBClusterTasks', params);
    await first.close();

    const second = await startEmulator({ stateFile });
    try {
      const failure = await failureOf(callAction(officialClient(second.endpoint), 'DescribeAIDBClusterTasks', params));
      expect(failure.code).toBe('SignatureNonceUsed');
    } finally {
      await second.close();
    }
  });

  it('refuses to start on a file that is not emulator state, and leaves it alone', async () => {
    const file = join(directory, 'not-state.json');
    writeFileSync(file, '{"version":2}');

    await expect(startEmulator({ stateFile: file })).rejects.toBeInstanceOf(StateFileError);
    expect(readFileSync(file, 'utf8')).toBe('{"version":2}');
  });
});
