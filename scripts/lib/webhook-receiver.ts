import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server that accepts the pipeline's webhook posts, for the demo and tests. */
export async function startWebhookReceiver(
  onEvent: (event: unknown, headers: Record<string, string | string[] | undefined>) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        onEvent(JSON.parse(Buffer.concat(chunks).toString('utf8')), request.headers);
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pipeline-events`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
