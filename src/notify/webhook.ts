import { createHmac } from 'node:crypto';

/** What a pipeline tells the outside world when it ends. Carries no secret and no raw API body. */
export interface PipelineEvent {
  event: 'pipeline.completed' | 'pipeline.failed' | 'pipeline.cancelled';
  workflowId: string;
  clusterId?: string;
  taskName?: string;
  taskId?: string;
  status?: string;
  modelPath?: string;
  failure?: { type: string; message: string };
  /** For a cancelled pipeline: what happened to its task. */
  cleanup?: string;
  finishedAt: string;
}

/** Where the generic JSON webhook posts. The secret signs the body and is never sent or logged. */
export interface WebhookOptions {
  url: string;
  secret?: string;
  timeoutMs: number;
}

/** A failed delivery, with whether trying again can help (5xx, 429, transport) or not (other 4xx). */
export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';

  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Hex HMAC-SHA256 of `<timestamp>.<body>`: what `X-Pipeline-Signature` carries after `sha256=`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * Posts one event as JSON. With a secret, `X-Pipeline-Signature: sha256=<hex HMAC of "<timestamp>.<body>">`
 * and `X-Pipeline-Timestamp` (Unix seconds) let the receiver check the sender and the age of the post;
 * `X-Pipeline-Event-Id` lets it drop a repeat after a retried delivery.
 */
export async function postWebhook(options: WebhookOptions, event: PipelineEvent, eventId: string): Promise<void> {
  const body = JSON.stringify(event);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-pipeline-event-id': eventId,
  };
  if (options.secret) {
    // The timestamp is signed with the body, so a receiver can refuse a captured post replayed later.
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers['x-pipeline-timestamp'] = timestamp;
    headers['x-pipeline-signature'] = `sha256=${signWebhook(options.secret, timestamp, body)}`;
  }

  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers,
      body,
      // A redirect is answered as a failure, never followed: following it would re-send the signed event
      // to whatever address the receiver names, internal services included.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    // The fetch error quotes the URL, which may carry a token in its query: name only the cause.
    throw new WebhookDeliveryError(`Webhook not reachable (${causeOf(error)})`, true);
  }
  // Drain the body so the connection can be reused; its content is not ours to log.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status >= 300 && response.status < 400) {
    throw new WebhookDeliveryError(
      `Webhook answered a redirect (HTTP ${response.status}), which is not followed; configure the final URL`,
      false,
    );
  }
  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 429;
    throw new WebhookDeliveryError(`Webhook answered HTTP ${response.status}`, retryable);
  }
}

function causeOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : 'connection failed';
}
