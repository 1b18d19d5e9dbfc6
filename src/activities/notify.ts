import { ApplicationFailure, Context, log } from '@temporalio/activity';
import { postWebhook, WebhookDeliveryError } from '../notify/webhook';
import type { PipelineEvent, WebhookOptions } from '../notify/webhook';

/**
 * Delivers a pipeline event to the configured webhook. Returns false when no webhook is configured, so
 * the result can say whether anyone was told.
 */
export async function notifyPipelineEvent(webhook: WebhookOptions | undefined, event: PipelineEvent): Promise<boolean> {
  if (!webhook) return false;

  const info = Context.current().info;
  // Stable across retries of this activity, so a receiver can recognise a repeat.
  const execution = info.workflowExecution;
  const eventId = `${execution?.workflowId ?? 'standalone'}/${execution?.runId ?? ''}/${info.activityId}`;
  try {
    await postWebhook(webhook, event, eventId);
  } catch (error) {
    if (error instanceof WebhookDeliveryError) {
      throw ApplicationFailure.create({
        message: error.message,
        type: 'NotificationFailed',
        nonRetryable: !error.retryable,
      });
    }
    throw error;
  }
  log.info('Pipeline event delivered', { event: event.event, workflowId: event.workflowId, taskId: event.taskId });
  return true;
}
