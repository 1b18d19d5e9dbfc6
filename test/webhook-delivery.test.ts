import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook, WebhookDeliveryError } from '../src/notify/webhook';
import type { PipelineEvent } from '../src/notify/webhook';

/** A loopback server that answers every request with `status` (and `location`), counting what it got. */
async function serve(status: number, location?: string): Promise<{ url: string; hits: () => number; server: Server }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits++;
    request.resume();
    response.writeHead(status, location ? { location } : {}).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, hits: () => hits, server };
}

const event: PipelineEvent = { event: 'pipeline.completed', workflowId: 'wf-1', finishedAt: '2026-12-04T00:00:00Z' };

describe('webhook delivery', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('does not follow a redirect: the signed event never reaches the address it names', async () => {
    const elsewhere = await serve(200);
    const redirecting = await serve(307, elsewhere.url);
    servers.push(elsewhere.server, redirecting.server);

    const delivery = postWebhook(
      { url: redirecting.url, secret: 'webhook-secret-0001', timeoutMs: 5_000 },
      event,
      'e1',
    );

    await expect(delivery).rejects.toThrow(WebhookDeliveryError);
    await expect(delivery).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('HTTP 307') });
    expect(redirecting.hits()).toBe(1);
    expect(elsewhere.hits()).toBe(0);
  });

  it('delivers to a receiver that answers 2xx', async () => {
    const receiver = await serve(204);
    servers.push(receiver.server);

    await postWebhook({ url: receiver.url, timeoutMs: 5_000 }, event, 'e2');

    expect(receiver.hits()).toBe(1);
  });
});
