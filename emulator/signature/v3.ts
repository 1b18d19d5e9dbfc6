/**
 * Pure pieces of the V3 signature (ACS3-HMAC-SHA256) as `@alicloud/openapi-client` 0.4.15 computes it (spec
 * §11.2). Kept free of I/O so the published test vectors can be checked against each step.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The one V3 algorithm the emulator verifies. */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/**
 * Header values as Node delivers them in `IncomingMessage.headersDistinct`: lower-case names, one entry per
 * occurrence. The canonical form joins repeated values, so they must not be merged beforehand.
 */
export type HeaderValues = Readonly<Record<string, readonly string[] | undefined>>;

/** What the signature covers, after the query has been decoded (never the raw URL text). */
export interface CanonicalRequestInput {
  method: string;
  path: string;
  query: ReadonlyMap<string, string>;
  headers: HeaderValues;
  signedHeaders: readonly string[];
  payloadHash: string;
}

/**
 * RFC 3986 encoding used for canonical query values. `encodeURIComponent` leaves `!'()*` alone, which is also
 * how the client's URL leaves them, so a verifier that signed the raw URL text would disagree with the client.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `key=enc(value)` pairs sorted by UTF-16 code unit. Keys stay unencoded, as the client leaves them. */
export function canonicalQueryString(query: ReadonlyMap<string, string>): string {
  return [...query.keys()]
    .sort()
    .map((key) => `${key}=${percentEncode(query.get(key) ?? '')}`)
    .join('&');
}

/** One `name:value` line per signed header; repeated values are trimmed, sorted and joined with commas. */
export function canonicalHeaderBlock(headers: HeaderValues, signedHeaders: readonly string[]): string {
  return signedHeaders
    .map((name) => {
      const values = (headers[name] ?? []).map((value) => value.trim()).sort();
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
}

/** The canonical request; the header block ends with a newline, so an empty line precedes SignedHeaders. */
export function canonicalRequest(input: CanonicalRequestInput): string {
  return [
    input.method,
    input.path,
    canonicalQueryString(input.query),
    canonicalHeaderBlock(input.headers, input.signedHeaders),
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}

/** Lower-case hex SHA-256, used for the payload hash and the canonical-request digest. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `ACS3-HMAC-SHA256\n` + digest of the canonical request. */
export function stringToSign(canonical: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`;
}

/** Lower-case hex HMAC-SHA256 of the string to sign, keyed with the AccessKey secret itself. */
export function signature(accessKeySecret: string, toSign: string): string {
  return createHmac('sha256', accessKeySecret).update(toSign).digest('hex');
}

/** Constant-time comparison of two signatures; different lengths are unequal without a timing hint on content. */
export function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
