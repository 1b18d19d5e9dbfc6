import type { WorkerConfig } from './worker-config';

/**
 * How the worker will notify, for its start-up log: `off`, `configured, signed`, or a warning that posts
 * go out unsigned because PIPELINE_WEBHOOK_SECRET is unset, so the receiver cannot verify them. Never
 * includes the URL (it may carry tokens) or the secret.
 */
export function webhookSummary(config: Pick<WorkerConfig, 'PIPELINE_WEBHOOK_URL' | 'PIPELINE_WEBHOOK_SECRET'>): string {
  if (!config.PIPELINE_WEBHOOK_URL) return 'off';
  return config.PIPELINE_WEBHOOK_SECRET ? 'configured, signed' : 'configured, unsigned (PIPELINE_WEBHOOK_SECRET unset)';
}
