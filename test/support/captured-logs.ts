import { inspect } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { LogEntry } from '@temporalio/worker';

const entries: LogEntry[] = [];
// Expected failures log warnings in almost every test; TEST_WORKER_LOGS=1 shows them when debugging.
const printed = new Set(process.env.TEST_WORKER_LOGS ? ['WARN', 'ERROR'] : []);

/**
 * Installs the worker runtime with a logger that keeps every entry (for tests that scan logs for
 * secrets) and prints them only when TEST_WORKER_LOGS is set, so test output stays readable.
 */
export function installCapturingRuntime(): void {
  try {
    Runtime.install({
      logger: new DefaultLogger('DEBUG', (entry) => {
        entries.push(entry);
        if (printed.has(entry.level)) console.warn(`[worker ${entry.level}] ${entry.message}`, entry.meta ?? '');
      }),
    });
  } catch {
    // Installed already by an earlier harness in this test file.
  }
}

/** Everything the worker logged so far in this test file, messages and metadata, as one text. */
export function capturedLogText(): string {
  return entries.map((entry) => `${entry.level} ${entry.message} ${inspect(entry.meta, { depth: 8 })}`).join('\n');
}
