/**
 * Drives an emulator through the official `@alicloud/openapi-client` 0.4.15, the way the worker does (spec §12),
 * so emulator tests exercise the real signing and error handling instead of a hand-rolled client.
 */
import OpenApi, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import { RuntimeOptions } from '@alicloud/tea-util';

import { API_VERSION } from '../constants';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from '../demo';

import type Credential from '@alicloud/credentials';

/** Credentials and timeouts of a test client; the demo key by default. */
export interface TestClientOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  readTimeout?: number;
  /** `'v2'` signs RPC calls with HMAC-SHA1 query parameters (§11.3) instead of V3. */
  signatureAlgorithm?: 'v2';
  /** A credential provider (e.g. `credentials_uri` on the emulator's STS route); replaces the key fields. */
  credential?: Credential;
}

/** How to send one call: parameters in the query (what the generated SDK does) or as a form body. */
export interface CallOptions {
  version?: string;
  paramsIn?: 'query' | 'body';
}

/** A client aimed at `endpoint` (`RunningEmulator.endpoint`) over plain HTTP. */
export function officialClient(endpoint: string, options: TestClientOptions = {}): OpenApi {
  return new OpenApi(
    new Config({
      endpoint,
      protocol: 'http',
      ...(options.credential !== undefined
        ? { credential: options.credential }
        : {
            accessKeyId: options.accessKeyId ?? DEMO_ACCESS_KEY_ID,
            accessKeySecret: options.accessKeySecret ?? DEMO_ACCESS_KEY_SECRET,
            ...(options.securityToken !== undefined && { securityToken: options.securityToken }),
          }),
      ...(options.signatureAlgorithm !== undefined && { signatureAlgorithm: options.signatureAlgorithm }),
      readTimeout: options.readTimeout ?? 10_000,
      connectTimeout: 2_000,
    }),
  );
}

/** Calls one RPC action and returns the parsed body; API errors and transport errors are thrown as the client throws them. */
export async function callAction(
  client: OpenApi,
  action: string,
  params: Record<string, unknown>,
  options: CallOptions = {},
): Promise<Record<string, unknown>> {
  const request = new OpenApiRequest(
    options.paramsIn === 'body' ? { body: OpenApiUtil.query(params) } : { query: OpenApiUtil.query(params) },
  );
  const descriptor = new Params({
    action,
    version: options.version ?? API_VERSION,
    protocol: 'HTTPS',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const response = await client.callApi(descriptor, request, new RuntimeOptions({}));
  return response.body as Record<string, unknown>;
}

/** The fields of a client error that tests look at (spec §12 "Errors"). */
export interface ClientFailure {
  name: string;
  message: string;
  /** API error code, or a Node system error code such as ECONNRESET for transport failures. */
  code?: string;
  /** Present only when the server answered. */
  statusCode?: number;
  /** The error body plus `statusCode`, for API errors. */
  data?: Record<string, unknown>;
}

/** Awaits a call that must fail and returns how it failed; fails the test if the call succeeds. */
export async function failureOf(call: Promise<unknown>): Promise<ClientFailure> {
  try {
    await call;
  } catch (error) {
    const fields = error as Partial<ClientFailure> & Error;
    return {
      name: fields.name,
      message: fields.message,
      ...(typeof fields.code === 'string' && { code: fields.code }),
      ...(typeof fields.statusCode === 'number' && { statusCode: fields.statusCode }),
      ...(typeof fields.data === 'object' && fields.data !== null && { data: fields.data }),
    };
  }
  throw new Error('The call succeeded but was expected to fail.');
}
