import { Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createActivities } from './activities';
import { loadWorkerConfig, WorkerConfigError } from './config/worker-config';
import { webhookSummary } from './config/webhook-summary';
import { defaultCredential } from './polardb/credential-chain';
import { activityDependenciesFrom } from './runtime/activity-dependencies';
import { createPipelineWorker } from './runtime/create-worker';
import type { PipelineWorker } from './runtime/create-worker';
import { assertSearchAttributesRegistered } from './runtime/search-attribute-check';

/**
 * The production worker: reads its configuration from the environment, checks the namespace, then
 * runs pipelines until SIGINT or SIGTERM, finishing in-flight activities before it exits.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('INFO'), shutdownSignals: [] });
  const logger = Runtime.instance().logger;
  const config = loadWorkerConfig();

  const tls = config.TEMPORAL_TLS || config.TEMPORAL_API_KEY !== undefined;
  const connectionOptions = { address: config.TEMPORAL_ADDRESS, tls, apiKey: config.TEMPORAL_API_KEY };
  await assertCredentialsAvailable();
  const client = await Connection.connect(connectionOptions).catch((error: unknown) => {
    throw new WorkerStartError(`Cannot reach Temporal at ${config.TEMPORAL_ADDRESS}: ${messageOf(error)}`);
  });
  await assertSearchAttributesRegistered(client, config.TEMPORAL_NAMESPACE).catch((error: unknown) => {
    throw new WorkerStartError(messageOf(error));
  });
  await client.close();

  const connection = await NativeConnection.connect(connectionOptions);
  const worker = await createPipelineWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: createActivities(activityDependenciesFrom(config)),
    apiActivitiesPerSecond: config.POLARDB_API_ACTIVITIES_PER_SECOND,
  });
  stopOnSignals(worker, logger);

  logger.info('Worker started', {
    temporalAddress: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    polardbEndpoint: config.POLARDB_ENDPOINT,
    regionId: config.POLARDB_REGION_ID,
    webhook: webhookSummary(config),
  });
  await worker.run();
  await connection.close();
  logger.info('Worker stopped');
}

/** A start-up problem whose message already tells the operator what to fix. */
class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
}

/**
 * Resolves credentials once through the default chain, so a worker without any fails at start-up
 * instead of failing every pipeline later. Only whether it worked is reported, never the values.
 */
async function assertCredentialsAvailable(): Promise<void> {
  try {
    await defaultCredential().getCredential();
  } catch (error) {
    throw new WorkerStartError(
      'No Alibaba Cloud credentials found through the default chain: set ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), or configure a RAM role, ' +
        `credentials file or credentials URI (${messageOf(error).split('\n')[0] ?? ''})`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stopOnSignals(worker: PipelineWorker, logger: Runtime['logger']): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info('Shutting down: finishing in-flight activities', { signal });
      worker.shutdown();
    });
  }
}

main().catch((error: unknown) => {
  // Configuration errors already say what to fix; anything else gets its stack.
  const text =
    error instanceof WorkerConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
