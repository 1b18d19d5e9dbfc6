import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';

/** Environment variables through which the global set-up hands its server and bundle to test files. */
export const testEnvNames = {
  address: 'TEMPORAL_TEST_ADDRESS',
  namespace: 'TEMPORAL_TEST_NAMESPACE',
  bundlePath: 'WORKFLOW_BUNDLE_PATH',
} as const;

/** One connection to the run's Temporal server, usable by workers (native) and clients alike. */
export interface TestConnection {
  nativeConnection: NativeConnection;
  client: Client;
  namespace: string;
  /** Closes the connection; shut down workers that use it first. */
  close(): Promise<void>;
}

/** Connects to the Temporal server that the global set-up started (or found at TEMPORAL_ADDRESS). */
export async function testConnection(): Promise<TestConnection> {
  const address = testTemporalAddress();
  const namespace = process.env[testEnvNames.namespace] ?? 'default';
  const nativeConnection = await NativeConnection.connect({ address });
  const client = new Client({ connection: nativeConnection, namespace });
  return { nativeConnection, client, namespace, close: () => nativeConnection.close() };
}

/** `host:port` of the run's Temporal server. */
export function testTemporalAddress(): string {
  return fromSetup(testEnvNames.address);
}

/** The workflow bundle built once per run; pass it as `Worker.create({ workflowBundle })`. */
export function workflowBundle(): { codePath: string } {
  return { codePath: fromSetup(testEnvNames.bundlePath) };
}

function fromSetup(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Run tests through jest with jest.config.ts, whose global set-up starts Temporal and bundles the workflows.`,
    );
  }
  return value;
}
