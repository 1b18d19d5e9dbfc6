/**
 * `npm run demo`: the whole product on the embedded default. Starts a Temporal dev server (or uses
 * TEMPORAL_ADDRESS), the PolarDB emulator, a local webhook receiver and a worker, runs the documented
 * example fine-tune (Qwen3-8B, GRPO + LoRA), prints progress and the result, and stops what it started.
 */
process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import Credential, { Config as CredentialConfig } from '@alicloud/credentials';
import { Client, Connection } from '@temporalio/client';
import type { WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, startEmulator } from '../emulator';
import { createActivities } from '../src/activities';
import { startFineTunePipeline } from '../src/client/start-pipeline';
import { loadWorkerConfig } from '../src/config/worker-config';
import type { PipelineInput } from '../src/pipeline/types';
import { activityDependenciesFrom } from '../src/runtime/activity-dependencies';
import { createPipelineWorker } from '../src/runtime/create-worker';
import { progressQuery } from '../src/workflows/definitions';
import { ensureTemporal } from './lib/temporal-dev-server';
import { terminalLog } from './lib/temporal-log';
import { startWebhookReceiver } from './lib/webhook-receiver';

const repoRoot = path.resolve(__dirname, '..');
const taskQueue = 'polardb-ai-demo';

async function main(): Promise<void> {
  // The demo narrates itself; the worker speaks only when something is wrong.
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const say = (line: string) => console.log(`[demo] ${line}`);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

  try {
    // A fresh state each run: a pipeline left over from an interrupted demo must not show up in this one.
    await rm(path.join(repoRoot, '.local', 'demo-temporal'), { recursive: true, force: true });
    await rm(path.join(repoRoot, '.local', 'demo-emulator'), { recursive: true, force: true });
    const temporal = await ensureTemporal({
      stateDir: path.join(repoRoot, '.local', 'demo-temporal'),
      log: terminalLog('demo'),
    });
    stops.push(() => temporal.stop());
    const uiUrl = temporal.uiUrl ?? process.env.TEMPORAL_UI_URL ?? '(the UI of the server at TEMPORAL_ADDRESS)';
    say(`Temporal at ${temporal.address}; UI: ${uiUrl}`);

    const emulator = await startEmulator({
      port: 0,
      stateFile: path.join(repoRoot, '.local', 'demo-emulator', 'state.json'),
      lifecycle: { creatingMs: 3_000, runningMs: 10_000 },
    });
    stops.push(() => emulator.close());
    say(`PolarDB emulator at http://${emulator.endpoint}`);

    const webhook = await startWebhookReceiver((event) => say(`webhook received: ${JSON.stringify(event)}`));
    stops.push(() => webhook.close());

    const config = loadWorkerConfig({
      TEMPORAL_ADDRESS: temporal.address,
      POLARDB_ENDPOINT: emulator.endpoint,
      POLARDB_PROTOCOL: 'http',
      POLARDB_REGION_ID: 'cn-beijing',
      POLARDB_LIST_SETTLE_MS: '3000',
      POLARDB_LIST_POLL_MS: '1000',
      PIPELINE_WEBHOOK_URL: webhook.url,
    });
    const credentials = () =>
      new Credential(
        new CredentialConfig({
          type: 'access_key',
          accessKeyId: DEMO_ACCESS_KEY_ID,
          accessKeySecret: DEMO_ACCESS_KEY_SECRET,
        }),
      );
    const workerConnection = await NativeConnection.connect({ address: temporal.address });
    stops.push(() => workerConnection.close());
    const worker = await createPipelineWorker({
      connection: workerConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: createActivities(activityDependenciesFrom(config, credentials)),
      apiActivitiesPerSecond: config.POLARDB_API_ACTIVITIES_PER_SECOND,
    });
    const running = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await running;
    });

    const connection = await Connection.connect({ address: temporal.address });
    stops.push(() => connection.close());
    const client = new Client({ connection });
    const request = JSON.parse(
      readFileSync(path.join(repoRoot, 'examples', 'fine-tune-request.json'), 'utf8'),
    ) as unknown;
    const input: PipelineInput = {
      request: request as PipelineInput['request'],
      polling: { initialIntervalSeconds: 1, maxIntervalSeconds: 3, deadlineSeconds: 600 },
    };
    const workflowId = `demo-fine-tune-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const handle = await startFineTunePipeline(client, { workflowId, input, taskQueue });
    say(`Started pipeline ${workflowId}`);
    say(`Watch it: ${uiUrl}/namespaces/default/workflows/${workflowId}`);

    const watching = watchProgress(handle, say);
    const result = await handle.result();
    watching.stop();
    const final = await handle.query(progressQuery);
    say(
      `stage=${final.stage} task=${final.taskId ?? '-'} status=${final.taskStatus ?? '-'} after ${final.statusReads} status reads`,
    );
    say(`Result:\n${JSON.stringify(result, null, 2)}`);
  } finally {
    await stopAll();
  }
}

/** Prints each change of stage or task status, reading the pipeline's `progress` query once a second. */
function watchProgress(handle: WorkflowHandle, say: (line: string) => void) {
  let last = '';
  const timer = setInterval(() => {
    handle
      .query(progressQuery)
      .then((progress) => {
        const line = `stage=${progress.stage}${progress.taskId ? ` task=${progress.taskId}` : ''}${progress.taskStatus !== undefined ? ` status=${progress.taskStatus || '(none yet)'}` : ''}`;
        if (line !== last) say(line);
        last = line;
      })
      .catch(() => undefined);
  }, 1000);
  return { stop: () => clearInterval(timer) };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[demo] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
