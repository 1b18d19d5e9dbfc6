import { setTimeout as sleep } from 'node:timers/promises';

import { Connection } from '@temporalio/client';

import { pipelineSearchAttributes } from '../../src/search-attributes';

/** How long one round of calls may take before the next try. */
const attemptMs = 2_000;
const retryMs = 250;

export interface WaitForFrontendOptions {
  address: string;
  namespace: string;
  timeoutMs: number;
  /** Checked between attempts: a reason to stop waiting (e.g. the server process exited). */
  abandon?: () => string | undefined;
}

/**
 * Waits until the Temporal frontend at `address` answers and knows `namespace`, so a caller never
 * hands out an address that is still starting. Rejects with the last error after `timeoutMs`, or as
 * soon as `abandon` gives a reason.
 */
export async function waitForFrontend(options: WaitForFrontendOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'no attempt made';

  for (;;) {
    const reason = options.abandon?.();
    if (reason) throw new Error(reason);

    try {
      await probe(options.address, options.namespace);
      return;
    } catch (error) {
      lastError = (error as Error).message;
    }

    if (Date.now() >= deadline) {
      throw new Error(`Temporal at ${options.address} did not answer within ${options.timeoutMs} ms: ${lastError}`);
    }
    await sleep(retryMs);
  }
}

async function probe(address: string, namespace: string): Promise<void> {
  await withConnection(address, async (connection) => {
    await connection.workflowService.getSystemInfo({});
    await connection.workflowService.describeNamespace({ namespace });
  });
}

/**
 * Runs `calls` on a fresh connection under a deadline and always closes it. A lazy connection is used
 * because a failed `Connection.connect` leaves its channel (and socket) open, which would keep this
 * process alive.
 */
async function withConnection<T>(address: string, calls: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = Connection.lazy({ address });
  try {
    return await connection.withDeadline(Date.now() + attemptMs, () => calls(connection));
  } finally {
    await connection.close();
  }
}

/**
 * The pipeline search attributes that `namespace` lacks. A server we did not start (TEMPORAL_ADDRESS)
 * may not have them registered, and workflows that set them would then fail.
 */
export async function missingSearchAttributes(address: string, namespace: string): Promise<string[]> {
  const { customAttributes } = await withConnection(address, (connection) =>
    connection.operatorService.listSearchAttributes({ namespace }),
  );
  return Object.keys(pipelineSearchAttributes).filter((name) => !(name in (customAttributes ?? {})));
}
