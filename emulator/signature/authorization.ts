import { ACS3_ALGORITHM } from './v3';

/** The three parts of a V3 `Authorization` header. */
export interface ParsedAuthorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Either the parsed header or the reason it was refused (reported in an `IncompleteSignature` message). */
export type AuthorizationParse = { ok: true; value: ParsedAuthorization } | { ok: false; reason: string };

const authorizationPattern = /^(\S+) Credential=([^,\s]+),SignedHeaders=([^,\s]+),Signature=([^,\s]+)$/;

/**
 * Parses `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>` in exactly the layout the client
 * writes. Other algorithms (SM3, RSA) and V2 query signing are not served, so they are refused here.
 */
export function parseAuthorization(header: string | undefined): AuthorizationParse {
  if (header === undefined || header === '') return { ok: false, reason: 'the Authorization header is missing.' };

  const match = authorizationPattern.exec(header);
  if (!match) return { ok: false, reason: 'the Authorization header is malformed.' };

  const [, algorithm = '', accessKeyId = '', signedHeaders = '', signature = ''] = match;
  if (algorithm !== ACS3_ALGORITHM) return { ok: false, reason: `the algorithm ${algorithm} is not supported.` };
  if (!/^[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'the signature is not 64 lower-case hex digits.' };

  return { ok: true, value: { accessKeyId, signedHeaders: signedHeaders.split(';'), signature } };
}
