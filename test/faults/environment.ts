import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from '../../emulator';
import type { TemporalLog } from '../../scripts/lib/temporal-log';
import { localDir } from '../../scripts/lib/temporal-paths';
import { SuiteEmulator } from './suite-emulator';
import { SuiteTemporal } from './suite-temporal';
import { WorkerProcess } from './worker-process';

/** Everything the scenarios act on: the suite's Temporal server, the emulator, the worker child and a client. */
export interface FaultEnvironment {
  temporal: SuiteTemporal;
  emulator: SuiteEmulator;
  worker: WorkerProcess;
  client: Client;
  taskQueue: string;
  /** `.local/fault-suite/<pid>/`: dev-server database, emulator state, worker logs. */
  stateDir: string;
  log: TemporalLog;
  /** Stops everything started; removes the state folder when `keepState` is false. */
  close(keepState: boolean): Promise<void>;
}

/**
 * The worker's environment: the real entry point's configuration, scaled down so faults resolve in seconds.
 * Only loopback addresses appear, and the credential chain's metadata and CLI-profile lookups are off, so
 * the worker cannot reach for anything beyond the emulator.
 */
function workerEnv(temporalAddress: string, taskQueue: string, endpoint: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    POLARDB_ENDPOINT: endpoint,
    POLARDB_PROTOCOL: 'http',
    POLARDB_REGION_ID: 'cn-beijing',
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCESS_KEY_SECRET,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
    POLARDB_READ_TIMEOUT_MS: '2000',
    POLARDB_CONNECT_TIMEOUT_MS: '1000',
    POLARDB_LIST_SETTLE_MS: '2000',
    POLARDB_LIST_POLL_MS: '250',
    POLARDB_THROTTLED_RETRY_DELAY_MS: '500',
    POLARDB_API_ACTIVITIES_PER_SECOND: '100',
  };
}

/** Starts the suite's dev server, emulator and worker child (in that order) and connects a client. */
export async function startFaultEnvironment(log: TemporalLog): Promise<FaultEnvironment> {
  const stateDir = path.join(localDir, 'fault-suite', String(process.pid));
  await rm(stateDir, { recursive: true, force: true });
  await mkdir(stateDir, { recursive: true });
  const taskQueue = `fault-suite-${process.pid}`;

  const temporal = await SuiteTemporal.start(stateDir, log);
  const stack: (() => Promise<void>)[] = [() => temporal.stop()];
  // Stops in reverse start order, each once, whatever failed before.
  const unwind = async (): Promise<void> => {
    for (const stop of stack.splice(0).reverse()) await stop().catch(() => undefined);
  };

  try {
    const emulator = await SuiteEmulator.start(path.join(stateDir, 'emulator-state.json'));
    stack.push(() => emulator.close());
    const worker = new WorkerProcess(workerEnv(temporal.address, taskQueue, emulator.endpoint), stateDir, log);
    stack.push(() => worker.stop());
    await worker.start();
    const connection = await Connection.connect({ address: temporal.address });
    stack.push(() => connection.close());
    const client = new Client({ connection });
    log('Fault suite environment ready', {
      temporal: temporal.address,
      ui: temporal.uiUrl,
      emulator: emulator.endpoint,
    });

    return {
      temporal,
      emulator,
      worker,
      client,
      taskQueue,
      stateDir,
      log,
      close: async (keepState) => {
        await unwind();
        if (!keepState) await rm(stateDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
