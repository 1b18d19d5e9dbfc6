import { rm } from 'node:fs/promises';

import { takeTestTemporal } from './shared-state';

/** Stops the server the global set-up started (a server at TEMPORAL_ADDRESS is left running). */
export default async function globalTeardown(): Promise<void> {
  const held = takeTestTemporal();
  if (!held) return;

  await held.server.stop();
  // The run's SQLite state is of no use once the server is gone.
  await rm(held.stateDir, { recursive: true, force: true });
}
