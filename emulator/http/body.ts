import type { IncomingMessage } from 'node:http';

/** Raised when a request body exceeds the limit; the caller answers it and stops reading. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads the whole request body (the signature covers its exact bytes), refusing more than `limitBytes`. */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > limitBytes) throw new BodyTooLargeError(`Request body exceeds ${limitBytes} bytes.`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
