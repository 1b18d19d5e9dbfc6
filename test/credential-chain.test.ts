import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, startEmulator } from '../emulator';
import { CredentialChain, defaultCredential } from '../src/polardb/credential-chain';
import { productClient } from './support/product-client';

/** Variables the chain reads; each test starts with none of them but the loopback-only switches. */
const chainVariables = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_ECS_METADATA',
];

describe('the default credential chain', () => {
  const saved = { ...process.env };

  beforeEach(async () => {
    for (const name of chainVariables) delete process.env[name];
    // Never the metadata address, never a CLI profile; a credentials file that does not exist.
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
    process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';
    const empty = await mkdtemp(path.join(tmpdir(), 'no-credentials-'));
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = path.join(empty, 'credentials.ini');
  });

  afterEach(() => {
    process.env = { ...saved };
  });

  const providerNames = (chain: CredentialChain) => chain.providers.map((provider) => provider.getProviderName());

  it('leaves the credentials-URI step out when no URI is set, so nothing resolves the host "undefined"', async () => {
    const chain = new CredentialChain();

    expect(providerNames(chain)).not.toContain('credential_uri');
    expect(providerNames(chain)).not.toContain('ecs_ram_role');
    await expect(chain.getCredentials()).rejects.toThrow(/unable to get credentials from any provider in the chain/);
  });

  it('reads an AccessKey from the environment first', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = DEMO_ACCESS_KEY_ID;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = DEMO_ACCESS_KEY_SECRET;

    const credentials = await new CredentialChain().getCredentials();

    expect(credentials).toMatchObject({ accessKeyId: DEMO_ACCESS_KEY_ID, providerName: 'env' });
  });

  it('uses a credentials URI when one is set, and the product signs calls with what it returns', async () => {
    const emulator = await startEmulator({ port: 0 });
    try {
      process.env.ALIBABA_CLOUD_CREDENTIALS_URI = `http://${emulator.endpoint}/__emulator/sts/credentials?ttlMs=3600000`;
      const chain = new CredentialChain();
      expect(providerNames(chain)).toContain('credential_uri');

      const { api } = productClient(emulator, { credentials: defaultCredential });
      await api.listTasks('pc-2zedemo0000001', 'aitrain');

      const [call] = emulator.requestLog({ action: 'DescribeAIDBClusterTasks' });
      expect(call?.outcome).toBe('ok');
      expect(call?.accessKeyId).not.toBe(DEMO_ACCESS_KEY_ID);
    } finally {
      await emulator.close();
    }
  });
});

describe('the chain’s failure text', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('withholds what a broken credentials endpoint answered, which may hold a secret', async () => {
    const leaked = 'HalfWrittenSecretValue0123456789';
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' }).end(`{"AccessKeySecret":"${leaked}"`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      for (const name of chainVariables) delete process.env[name];
      process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
      process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';
      process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = path.join(await mkdtemp(path.join(tmpdir(), 'none-')), 'x.ini');
      process.env.ALIBABA_CLOUD_CREDENTIALS_URI = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

      const failure = await new CredentialChain().getCredentials().catch((error: Error) => error);

      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toContain('credential_uri: get sts token failed (response body withheld)');
      expect((failure as Error).message).not.toContain(leaked);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
