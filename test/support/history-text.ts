import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * The workflow's whole history as raw protobuf bytes, payloads included as the JSON text they carry,
 * so a test can search it for strings that must never be recorded.
 */
export async function historyBytes(handle: WorkflowHandle): Promise<Buffer> {
  const history = await handle.fetchHistory();
  return Buffer.from(temporal.api.history.v1.History.encode(history).finish());
}
