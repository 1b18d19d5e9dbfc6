import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';

import type { TemporalServer } from '../../scripts/lib/temporal-dev-server';
import { ensureTemporal } from '../../scripts/lib/temporal-dev-server';
import type { TemporalLog } from '../../scripts/lib/temporal-log';
import { elapsedSince, terminalLog } from '../../scripts/lib/temporal-log';
import { localDir } from '../../scripts/lib/temporal-paths';
import { rememberTestTemporal } from './shared-state';
import { testEnvNames } from './temporal';

/**
 * Starts one Temporal server and builds one workflow bundle for the whole jest run, then hands both
 * to the test files through environment variables (see ./temporal.ts). Test workers inherit them
 * because jest starts its workers after this returns.
 */
export default async function globalSetup(): Promise<void> {
  const log = terminalLog('test setup');
  const stateDir = path.join(localDir, 'test-temporal', String(process.pid));

  const [temporal, bundle] = await Promise.allSettled([startTemporal(stateDir, log), writeWorkflowBundle(log)]);
  if (temporal.status === 'rejected' || bundle.status === 'rejected') {
    if (temporal.status === 'fulfilled') await temporal.value.server.stop();
    throw temporal.status === 'rejected' ? temporal.reason : (bundle as PromiseRejectedResult).reason;
  }

  const { server, took } = temporal.value;
  rememberTestTemporal(server, stateDir);
  process.env[testEnvNames.address] = server.address;
  process.env[testEnvNames.namespace] = server.namespace;
  process.env[testEnvNames.bundlePath] = bundle.value;

  log('Using Temporal for this test run', {
    address: server.address,
    via: server.origin,
    ui: server.uiUrl,
    ready: took,
    bundle: path.relative(process.cwd(), bundle.value),
  });
}

async function startTemporal(stateDir: string, log: TemporalLog): Promise<{ server: TemporalServer; took: string }> {
  const startedAt = Date.now();
  const server = await ensureTemporal({ stateDir, log });
  return { server, took: elapsedSince(startedAt) };
}

/** Bundles src/workflows as a worker would, so a bad import fails here once, not in every test file. */
async function writeWorkflowBundle(log: TemporalLog): Promise<string> {
  const messages: string[] = [];
  const logger = new DefaultLogger('WARN', (entry) => messages.push(`${entry.level} ${entry.message}`));

  let code: string;
  try {
    ({ code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../src/workflows'), logger }));
  } catch (error) {
    throw new Error(`Bundling src/workflows failed: ${(error as Error).message}\n${messages.join('\n')}`);
  }
  for (const message of messages) log('Workflow bundler warning', { message });

  // Write then rename, so a concurrent run never reads half a bundle.
  const file = path.join(localDir, 'test-bundle', 'workflow-bundle.js');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.${process.pid}`, code);
  await rename(`${file}.${process.pid}`, file);
  return file;
}
