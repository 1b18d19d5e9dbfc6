import { apiError } from '../errors/api-error';

import type { ApiError } from '../errors/api-error';
import type { HeaderValues } from './v3';

/** Headers a V3 request must sign (§11.2); without them a captured request could be replayed or altered. */
const requiredSignedHeaders = [
  'host',
  'x-acs-action',
  'x-acs-content-sha256',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-version',
];

/** The client signs `host`, `content-type` and every `x-acs-*` header; nothing else may appear in the list. */
function isSignableHeader(name: string): boolean {
  return name === 'host' || name === 'content-type' || name.startsWith('x-acs-');
}

/**
 * Checks the SignedHeaders list against the request: sorted and unique as the client writes it, covering the
 * required headers, naming only headers that were sent, and leaving no signable header unsigned (an unsigned
 * `x-acs-security-token` could otherwise be swapped in transit). Returns the refusal or undefined.
 */
export function checkSignedHeaders(signedHeaders: readonly string[], headers: HeaderValues): ApiError | undefined {
  const refuse = (reason: string): ApiError =>
    apiError('IncompleteSignature', `The request signature does not conform to Aliyun standards: ${reason}`);

  for (let i = 0; i < signedHeaders.length; i += 1) {
    const name = signedHeaders[i] ?? '';
    if (!isSignableHeader(name)) return refuse(`"${name}" cannot be a signed header.`);
    if (i > 0 && (signedHeaders[i - 1] ?? '') >= name) return refuse('SignedHeaders must be sorted and unique.');
    if (headers[name] === undefined) return refuse(`signed header "${name}" is not in the request.`);
  }

  const missing = requiredSignedHeaders.find((name) => !signedHeaders.includes(name));
  if (missing !== undefined) return refuse(`header "${missing}" must be signed.`);

  const unsigned = Object.keys(headers).find((name) => isSignableHeader(name) && !signedHeaders.includes(name));
  if (unsigned !== undefined) return refuse(`header "${unsigned}" is sent but not signed.`);

  return undefined;
}
