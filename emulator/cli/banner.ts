import {
  DEMO_ACCESS_KEY_ID,
  DEMO_ACCESS_KEY_SECRET,
  DEMO_CLUSTER_ID,
  DEMO_EVAL_DATASET_ID,
  DEMO_SFT_DATASET_ID,
  DEMO_TRAIN_DATASET_ID,
} from '../demo';

import type { RequestLogEntry } from '../log/request-log';

/**
 * Start-up text: where to point the client and which demo ids exist. Secrets are printed only for the
 * documented demo key; any other key is listed by id.
 */
export function startBanner(endpoint: string, stateFile: string, accessKeyIds: readonly string[]): string {
  const keys = accessKeyIds.map((id) =>
    id === DEMO_ACCESS_KEY_ID ? `${id} (demo secret ${DEMO_ACCESS_KEY_SECRET})` : `${id} (secret not shown)`,
  );
  return [
    `PolarDB API emulator listening on http://${endpoint}`,
    `  Config.endpoint     ${endpoint}   (protocol 'http')`,
    `  state file          ${stateFile}`,
    `  access keys         ${keys.join(', ')}`,
    `  demo cluster        ${DEMO_CLUSTER_ID}`,
    `  train set (grpo)    ${DEMO_TRAIN_DATASET_ID}   file test-00000-of-00001.jsonl`,
    `  train set (sft)     ${DEMO_SFT_DATASET_ID}   file train-00000-of-00001.jsonl`,
    `  eval set (text)     ${DEMO_EVAL_DATASET_ID}   file eval-00000-of-00001.jsonl`,
    `  admin routes        http://${endpoint}/__emulator/{faults,requests,tasks,sts,rate-limits}`,
  ].join('\n');
}

/** One line per API request: time, action, outcome, status, key ids. */
export function requestLine(entry: RequestLogEntry): string {
  const ids = Object.entries(entry.params)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  const fault = entry.fault ? ` [fault ${entry.fault}]` : '';
  return `${entry.time} ${entry.action || '-'} ${entry.outcome} ${entry.httpStatus}${fault} ${ids}`.trimEnd();
}
