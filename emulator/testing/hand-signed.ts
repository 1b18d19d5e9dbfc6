/**
 * Signs and sends API requests by hand, for tests that need what the official client never does: a wrong
 * percent-encoding in the signed string, a forged header, a chosen date or nonce. It signs on its own (nothing is
 * shared with the emulator's verifier) and talks plain HTTP to the emulator's loopback endpoint only.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';

import { API_VERSION } from '../constants';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from '../demo';
import { isLoopbackHost } from '../loopback';

/** One request to sign and send. Values are plain text; encoding is the helper's (or the test's) job. */
export interface HandSignedRequest {
  /** `RunningEmulator.endpoint`. */
  endpoint: string;
  action: string;
  params: Record<string, string>;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  /** Encodes values (and V2 keys) in the string that is signed. Default: RFC 3986, as the service expects. */
  signEncode?: (text: string) => string;
  /** Encodes values in the URL query as sent. Default: `encodeURIComponent`. */
  wireEncode?: (text: string) => string;
  /** Request date; default now. */
  date?: Date;
  /** Default: 32 random hex digits. */
  nonce?: string;
  /** Extra or replacing headers (V3: sent unsigned unless also listed by the test). */
  headers?: Record<string, string>;
}

/** What came back. */
export interface HandSignedAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body was JSON, else the raw text. */
  body: Record<string, unknown> | string;
}

/** The RFC 3986 encoding both signatures use: `encodeURIComponent` plus `!'()*`. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function isoSecond(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function send(endpoint: string, query: string, headers: Record<string, string>): Promise<HandSignedAnswer> {
  const url = new URL(`http://${endpoint}`);
  if (!isLoopbackHost(url.hostname)) return Promise.reject(new Error(`Refusing to send to ${endpoint}: not loopback.`));

  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { hostname: url.hostname, port: url.port, path: `/?${query}`, method: 'POST', headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: HandSignedAnswer['body'] = text;
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // Not JSON: keep the text.
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function wireQuery(params: Record<string, string>, wireEncode: (text: string) => string): string {
  return Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${wireEncode(value)}`)
    .join('&');
}

/** Sends a V3 (ACS3-HMAC-SHA256) request with the parameters in the query and an empty body, as the client does. */
export function sendV3(request: HandSignedRequest): Promise<HandSignedAnswer> {
  const signEncode = request.signEncode ?? rfc3986;
  const emptyHash = createHash('sha256').update('').digest('hex');
  const accessKeyId = request.accessKeyId ?? DEMO_ACCESS_KEY_ID;
  const signed: Record<string, string> = {
    host: request.endpoint,
    'x-acs-action': request.action,
    'x-acs-content-sha256': emptyHash,
    'x-acs-date': isoSecond(request.date ?? new Date()),
    'x-acs-signature-nonce': request.nonce ?? randomBytes(16).toString('hex'),
    'x-acs-version': API_VERSION,
    ...(request.securityToken !== undefined && {
      'x-acs-accesskey-id': accessKeyId,
      'x-acs-security-token': request.securityToken,
    }),
  };
  const names = Object.keys(signed).sort();
  const canonicalQuery = Object.keys(request.params)
    .sort()
    .map((key) => `${key}=${signEncode(request.params[key] ?? '')}`)
    .join('&');
  const canonical = [
    'POST',
    '/',
    canonicalQuery,
    names.map((name) => `${name}:${signed[name] ?? ''}\n`).join(''),
    names.join(';'),
    emptyHash,
  ].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  const signature = createHmac('sha256', request.accessKeySecret ?? DEMO_ACCESS_KEY_SECRET)
    .update(toSign)
    .digest('hex');
  const authorization = `ACS3-HMAC-SHA256 Credential=${accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`;

  const query = wireQuery(request.params, request.wireEncode ?? encodeURIComponent);
  return send(request.endpoint, query, { ...signed, authorization, ...request.headers });
}

/** Sends a V2 (HMAC-SHA1) request: signing parameters and action parameters all in the query. */
export function sendV2(request: HandSignedRequest): Promise<HandSignedAnswer> {
  const signEncode = request.signEncode ?? rfc3986;
  const params: Record<string, string> = {
    ...request.params,
    Action: request.action,
    Format: 'json',
    Version: API_VERSION,
    Timestamp: isoSecond(request.date ?? new Date()),
    SignatureNonce: request.nonce ?? randomBytes(16).toString('hex'),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    AccessKeyId: request.accessKeyId ?? DEMO_ACCESS_KEY_ID,
    ...(request.securityToken !== undefined && { SecurityToken: request.securityToken }),
  };
  const canonical = Object.keys(params)
    .sort()
    .map((key) => `${signEncode(key)}=${signEncode(params[key] ?? '')}`)
    .join('&');
  const toSign = `POST&${rfc3986('/')}&${rfc3986(canonical)}`;
  params.Signature = createHmac('sha1', `${request.accessKeySecret ?? DEMO_ACCESS_KEY_SECRET}&`)
    .update(toSign)
    .digest('base64');

  const headers = { host: request.endpoint, 'x-acs-action': request.action, 'x-acs-version': API_VERSION };
  return send(request.endpoint, wireQuery(params, request.wireEncode ?? encodeURIComponent), {
    ...headers,
    ...request.headers,
  });
}
