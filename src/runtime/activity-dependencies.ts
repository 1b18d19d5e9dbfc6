import type Credential from '@alicloud/credentials';
import type { ActivityDependencies } from '../activities';
import type { WorkerConfig } from '../config/worker-config';
import { PolarDbApiClient } from '../polardb/api-client';
import { PolarDbTaskApi } from '../polardb/task-api';

/**
 * Wires the activities' dependencies from the worker's configuration. `credentials` overrides the
 * default credential chain (tests and the demo pass the emulator's key explicitly).
 */
export function activityDependenciesFrom(config: WorkerConfig, credentials?: () => Credential): ActivityDependencies {
  const client = new PolarDbApiClient({
    endpoint: config.POLARDB_ENDPOINT,
    protocol: config.POLARDB_PROTOCOL,
    regionId: config.POLARDB_REGION_ID,
    readTimeoutMs: config.POLARDB_READ_TIMEOUT_MS,
    connectTimeoutMs: config.POLARDB_CONNECT_TIMEOUT_MS,
    credentials,
  });
  return {
    api: new PolarDbTaskApi(client),
    regionId: config.POLARDB_REGION_ID,
    webhook: config.PIPELINE_WEBHOOK_URL
      ? {
          url: config.PIPELINE_WEBHOOK_URL,
          secret: config.PIPELINE_WEBHOOK_SECRET,
          timeoutMs: config.PIPELINE_WEBHOOK_TIMEOUT_MS,
        }
      : undefined,
    listLag: { settleMs: config.POLARDB_LIST_SETTLE_MS, pollMs: config.POLARDB_LIST_POLL_MS },
    throttledRetryDelayMs: config.POLARDB_THROTTLED_RETRY_DELAY_MS,
  };
}
