/**
 * Pure pieces of the V2 signature (HMAC-SHA1, `Config.signatureAlgorithm: 'v2'`) as `@alicloud/openapi-client`
 * 0.4.15 computes it (spec §11.3). Every parameter except `Signature` is signed, keys and values encoded the
 * RFC 3986 way; the secret is used with a trailing `&`.
 */
import { createHmac } from 'node:crypto';

import { percentEncode } from './v3';

/** The signing parameters V2 adds to a request; none of them is an action parameter. */
export const V2_SIGNING_PARAMS: readonly string[] = [
  'AccessKeyId',
  'Action',
  'Format',
  'SecurityToken',
  'Signature',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'Timestamp',
  'Version',
];

/** The only `SignatureMethod` the client sends with V2, and so the only one verified. */
export const V2_SIGNATURE_METHOD = 'HMAC-SHA1';

/** The only `SignatureVersion` the client sends with V2. */
export const V2_SIGNATURE_VERSION = '1.0';

/** `enc(key)=enc(value)` for every parameter but `Signature`, sorted by key (UTF-16 code unit), joined by `&`. */
export function v2CanonicalizedQuery(params: ReadonlyMap<string, string>): string {
  return [...params.keys()]
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params.get(key) ?? '')}`)
    .join('&');
}

/** `METHOD&%2F&enc(canonicalized)`: the canonicalized query is encoded a second time as a whole. */
export function v2StringToSign(method: string, canonicalized: string): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalized)}`;
}

/** Base64 HMAC-SHA1 of the string to sign, keyed with `secret + '&'`. */
export function v2Signature(accessKeySecret: string, toSign: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(toSign).digest('base64');
}
