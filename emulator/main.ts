/**
 * `npm run emulator`: runs the emulator as a long-lived process on a loopback port with a persisted state file,
 * for local demos and for pointing a worker at it. Stops cleanly on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';

import { startBanner, requestLine } from './cli/banner';
import { CliUsageError, USAGE, parseCliSettings } from './cli/options';
import { DEMO_ACCESS_KEY_ID } from './demo';
import { startEmulator } from './index';
import { EmulatorOptionsError } from './options';
import { StateFileError } from './state/store';

async function main(): Promise<void> {
  const settings = parseCliSettings(process.argv.slice(2), process.env);
  if (settings.help) {
    console.log(USAGE);
    return;
  }

  const stateFile = resolve(settings.stateFile);
  const emulator = await startEmulator({
    host: settings.host,
    port: settings.port,
    stateFile,
    ...(settings.accessKeys && { accessKeys: settings.accessKeys }),
    lifecycle: {
      ...(settings.creatingMs !== undefined && { creatingMs: settings.creatingMs }),
      ...(settings.runningMs !== undefined && { runningMs: settings.runningMs }),
    },
    onRequest: (entry) => console.log(requestLine(entry)),
  });
  const keyIds = Object.keys(settings.accessKeys ?? {});
  console.log(startBanner(emulator.endpoint, stateFile, keyIds.length > 0 ? keyIds : [DEMO_ACCESS_KEY_ID]));

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second signal means the user does not want to wait for open connections.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Received ${signal}, stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Emulator did not stop cleanly', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known =
    error instanceof CliUsageError || error instanceof EmulatorOptionsError || error instanceof StateFileError;
  console.error(known ? `Emulator not started: ${error.message}` : error);
  if (error instanceof CliUsageError) console.error(USAGE);
  process.exit(1);
});
