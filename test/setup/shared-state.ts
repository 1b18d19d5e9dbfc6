import type { TemporalServer } from '../../scripts/lib/temporal-dev-server';

/**
 * Jest runs the global set-up and teardown in one process but loads them as separate modules, so the
 * running server is handed over through a well-known global symbol.
 */
const key = Symbol.for('polardb-ai-orchestrator.test-temporal');

type Holder = { [key]?: { server: TemporalServer; stateDir: string } };

export function rememberTestTemporal(server: TemporalServer, stateDir: string): void {
  (globalThis as Holder)[key] = { server, stateDir };
}

/** Returns and forgets what the set-up remembered; undefined when the set-up never finished. */
export function takeTestTemporal(): { server: TemporalServer; stateDir: string } | undefined {
  const held = (globalThis as Holder)[key];
  delete (globalThis as Holder)[key];
  return held;
}
