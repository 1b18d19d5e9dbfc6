import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { testTemporalAddress } from './setup/temporal';

const repoRoot = path.resolve(__dirname, '..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

interface Exit {
  code: number | null;
  output: string;
}

/** Runs `src/worker.ts` as operators do; `whenReady` gets the process once it logs its start. */
function runWorker(env: Record<string, string>, whenReady?: (child: ReturnType<typeof spawn>) => void): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['src/worker.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
        ...env,
      },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (whenReady && output.includes('Worker started')) {
        whenReady(child);
        whenReady = undefined;
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the worker process', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(() => emulator.close());

  it('refuses to start on a bad environment and names every bad variable', async () => {
    const exit = await runWorker({ POLARDB_PROTOCOL: 'ftp', TEMPORAL_ADDRESS: '127.0.0.1:1' });

    expect(exit.code).toBe(1);
    expect(exit.output).toContain('POLARDB_ENDPOINT: is required');
    expect(exit.output).toContain('POLARDB_REGION_ID: is required');
    expect(exit.output).toContain('POLARDB_PROTOCOL');
  });

  it('starts against the test server and stops cleanly on SIGTERM, without printing the secret', async () => {
    const exit = await runWorker(
      {
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_TASK_QUEUE: `worker-process-${process.pid}`,
        POLARDB_ENDPOINT: emulator.endpoint,
        POLARDB_PROTOCOL: 'http',
        POLARDB_REGION_ID: 'cn-beijing',
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCESS_KEY_SECRET,
      },
      (child) => child.kill('SIGTERM'),
    );

    expect(exit.output).toContain('Worker started');
    expect(exit.output).toContain('Worker stopped');
    expect(exit.code).toBe(0);
    expect(exit.output).not.toContain(DEMO_ACCESS_KEY_SECRET);
  });
});
