import path from 'node:path';

import { startDevServer } from './lib/temporal-dev-server';
import { terminalLog } from './lib/temporal-log';
import { localDir } from './lib/temporal-paths';
import { isPortFree } from './lib/temporal-ports';

/** Temporal's customary ports, used when free so the worker's and the CLI's defaults just work. */
const usualPort = 7233;
const usualUiPort = 8233;

/**
 * `npm run temporal:dev`: a Temporal dev server for working by hand, on 127.0.0.1, with its state kept
 * in .local/temporal-dev/ so workflows survive a restart. Runs until Ctrl-C.
 */
async function main(): Promise<void> {
  const log = terminalLog('temporal:dev');
  const usualPortsFree = (await isPortFree(usualPort)) && (await isPortFree(usualUiPort));
  if (!usualPortsFree) log('Ports 7233/8233 are taken; using free ports instead', { usualPort, usualUiPort });

  const server = await startDevServer({
    stateDir: path.join(localDir, 'temporal-dev'),
    log,
    ...(usualPortsFree ? { port: usualPort, uiPort: usualUiPort } : {}),
  });

  console.log(`Temporal dev server ready: address ${server.address}, namespace ${server.namespace}`);
  console.log(`Web UI: ${server.uiUrl}`);
  console.log(`Point the worker and demo at it with TEMPORAL_ADDRESS=${server.address}. Ctrl-C stops it.`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log('Stopping the Temporal dev server', { signal });
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
