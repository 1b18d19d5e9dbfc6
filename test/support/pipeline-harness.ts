import Credential, { Config as CredentialConfig } from '@alicloud/credentials';
import { Client, Connection } from '@temporalio/client';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, startEmulator } from '../../emulator';
import type { EmulatorOptions, RunningEmulator } from '../../emulator';
import { createActivities } from '../../src/activities';
import { loadWorkerConfig } from '../../src/config/worker-config';
import type { PipelineInput, PipelineResult } from '../../src/pipeline/types';
import { activityDependenciesFrom } from '../../src/runtime/activity-dependencies';
import { createPipelineWorker } from '../../src/runtime/create-worker';
import { testTemporalAddress, workflowBundle } from '../setup/temporal';
import { installCapturingRuntime } from './captured-logs';

// The emulator is the only target: the credential chain must never reach the metadata address.
process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

/** Knobs a test may turn on its private stack. */
export interface HarnessOptions {
  emulator?: EmulatorOptions;
  /** Secret the worker signs with; a wrong one proves auth failures. Defaults to the emulator's demo secret. */
  accessKeySecret?: string;
  /** Worker environment overrides (POLARDB_READ_TIMEOUT_MS, PIPELINE_WEBHOOK_URL, ...). */
  workerEnv?: Record<string, string>;
}

/** One test file's stack: its own emulator, worker and task queue on the shared Temporal server. */
export interface PipelineHarness {
  emulator: RunningEmulator;
  client: Client;
  taskQueue: string;
  start(
    workflowId: string,
    input: PipelineInput,
  ): Promise<WorkflowHandleWithFirstExecutionRunId<(input: PipelineInput) => Promise<PipelineResult>>>;
  close(): Promise<void>;
}

let queueCounter = 0;

/** Starts an emulator over HTTP on loopback and a worker that talks to it through the official client. */
export async function startPipelineHarness(name: string, options: HarnessOptions = {}): Promise<PipelineHarness> {
  installCapturingRuntime();
  const address = testTemporalAddress();
  const emulator = await startEmulator({
    port: 0,
    lifecycle: { creatingMs: 300, runningMs: 1_200 },
    ...options.emulator,
  });
  const taskQueue = `test-${name}-${process.pid}-${++queueCounter}`;

  const config = loadWorkerConfig({
    TEMPORAL_ADDRESS: address,
    POLARDB_ENDPOINT: emulator.endpoint,
    POLARDB_PROTOCOL: 'http',
    POLARDB_REGION_ID: 'cn-beijing',
    POLARDB_READ_TIMEOUT_MS: '3000',
    POLARDB_CONNECT_TIMEOUT_MS: '1000',
    POLARDB_LIST_SETTLE_MS: '1000',
    POLARDB_LIST_POLL_MS: '250',
    ...options.workerEnv,
  });
  const credentials = () =>
    new Credential(
      new CredentialConfig({
        type: 'access_key',
        accessKeyId: DEMO_ACCESS_KEY_ID,
        accessKeySecret: options.accessKeySecret ?? DEMO_ACCESS_KEY_SECRET,
      }),
    );

  const workerConnection = await NativeConnection.connect({ address });
  const worker = await createPipelineWorker({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities(activityDependenciesFrom(config, credentials)),
    apiActivitiesPerSecond: config.POLARDB_API_ACTIVITIES_PER_SECOND,
    workflowBundle: workflowBundle(),
  });
  const running = worker.run();

  const connection = await Connection.connect({ address });
  const client = new Client({ connection });

  return {
    emulator,
    client,
    taskQueue,
    start: (workflowId, input) =>
      client.workflow.start<(input: PipelineInput) => Promise<PipelineResult>>('fineTunePipeline', {
        workflowId,
        taskQueue,
        args: [input],
      }),
    close: async () => {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await emulator.close();
    },
  };
}

/** Polling fast enough for emulated tasks that run for a second or two. */
export const fastPolling = { initialIntervalSeconds: 0.2, maxIntervalSeconds: 0.5, deadlineSeconds: 120 };

/** A unique workflow id for one test case. */
export function uniqueWorkflowId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
