import Credential, { Config as CredentialConfig } from '@alicloud/credentials';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from '../../emulator';
import type { RunningEmulator } from '../../emulator';
import { PolarDbApiClient } from '../../src/polardb/api-client';
import type { PolarDbConnectionOptions } from '../../src/polardb/api-client';
import { PolarDbApiError } from '../../src/polardb/errors';
import { PolarDbTaskApi } from '../../src/polardb/task-api';

process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

/** A static AccessKey credential provider (the demo key unless told otherwise). */
export function staticKey(
  accessKeyId = DEMO_ACCESS_KEY_ID,
  accessKeySecret = DEMO_ACCESS_KEY_SECRET,
): () => Credential {
  return () => new Credential(new CredentialConfig({ type: 'access_key', accessKeyId, accessKeySecret }));
}

/** The product's own client, aimed at an emulator over HTTP on loopback. */
export function productClient(
  emulator: RunningEmulator,
  overrides: Partial<PolarDbConnectionOptions> = {},
): { client: PolarDbApiClient; api: PolarDbTaskApi } {
  const client = new PolarDbApiClient({
    endpoint: emulator.endpoint,
    protocol: 'http',
    regionId: 'cn-beijing',
    readTimeoutMs: 2_000,
    connectTimeoutMs: 1_000,
    credentials: staticKey(),
    ...overrides,
  });
  return { client, api: new PolarDbTaskApi(client) };
}

/** Runs `call` and returns the classified failure it must end with. */
export async function failureOf(call: () => Promise<unknown>): Promise<PolarDbApiError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof PolarDbApiError) return error;
    throw new Error(`Expected a PolarDbApiError, got ${String(error)}`);
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
