import OpenApi, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import { RuntimeOptions } from '@alicloud/tea-util';
import Credential from '@alicloud/credentials';
import { classifyApiFailure, PolarDbApiError } from './errors';
import { scrubSecrets } from './scrub';

const apiVersion = '2017-08-01';

/** Where and how to reach the PolarDB OpenAPI. Secrets are never part of this object. */
export interface PolarDbConnectionOptions {
  /** `host[:port]` without scheme, e.g. `polardb.aliyuncs.com` or `127.0.0.1:18080` for the emulator. */
  endpoint: string;
  protocol: 'https' | 'http';
  regionId: string;
  /** The library's own default of 3 s is shorter than a create call can take. */
  readTimeoutMs: number;
  connectTimeoutMs: number;
  /**
   * Where credentials come from. Omitted means the default chain of `@alicloud/credentials`
   * (environment, OIDC, CLI profile, credentials file, ECS metadata, URI).
   */
  credential?: Credential;
}

/** A successful answer: the JSON body and the request id the cloud gave it. */
export interface ApiAnswer {
  body: Record<string, unknown>;
  requestId: string;
}

/**
 * Signed calls to PolarDB actions through the official `callApi` (ACS3-HMAC-SHA256). The client's own
 * retry loop is off: Temporal's retry policy owns retries, and every failure comes out as a classified,
 * scrubbed {@link PolarDbApiError}.
 */
export class PolarDbApiClient {
  private readonly client: OpenApi;
  private readonly credential: Credential;

  constructor(readonly options: PolarDbConnectionOptions) {
    this.credential = options.credential ?? new Credential();
    this.client = new OpenApi(
      new Config({
        endpoint: options.endpoint,
        protocol: options.protocol,
        regionId: options.regionId,
        credential: this.credential,
        readTimeout: options.readTimeoutMs,
        connectTimeout: options.connectTimeoutMs,
      }),
    );
  }

  /** Calls `action` with `params` (undefined values are left out) in the configured region. */
  async call(action: string, params: Record<string, string | number | boolean | undefined>): Promise<ApiAnswer> {
    const request = new OpenApiRequest({ query: OpenApiUtil.query({ RegionId: this.options.regionId, ...params }) });
    const runtime = new RuntimeOptions({
      autoretry: false,
      readTimeout: this.options.readTimeoutMs,
      connectTimeout: this.options.connectTimeoutMs,
    });
    try {
      const answer = (await this.client.callApi(operation(action), request, runtime)) as { body?: unknown };
      const body = isRecord(answer.body) ? answer.body : {};
      return { body, requestId: typeof body.RequestId === 'string' ? body.RequestId : '' };
    } catch (error) {
      throw await this.toApiError(action, error);
    }
  }

  private async toApiError(action: string, error: unknown): Promise<PolarDbApiError> {
    const failure = isRecord(error) ? error : {};
    // A transport error also has a `code` (ECONNRESET...), so only trust `code` when the server answered.
    const httpStatus = typeof failure.statusCode === 'number' ? failure.statusCode : undefined;
    const code = httpStatus !== undefined && typeof failure.code === 'string' ? failure.code : undefined;
    const data = isRecord(failure.data) ? failure.data : {};
    const requestId = typeof data.RequestId === 'string' ? data.RequestId : undefined;
    const verdict = classifyApiFailure(code, httpStatus);
    const raw = error instanceof Error ? error.message : String(error);
    const describe =
      httpStatus === undefined
        ? `${action} got no usable answer (${transportCause(error)}): ${raw}`
        : `${action} failed with ${code ?? 'no code'} (HTTP ${httpStatus}): ${raw}`;
    return new PolarDbApiError(
      scrubSecrets(describe, await this.currentSecrets()),
      action,
      verdict,
      code,
      httpStatus,
      requestId,
    );
  }

  private async currentSecrets(): Promise<string[]> {
    try {
      const model = await this.credential.getCredential();
      return [model.accessKeySecret, model.securityToken].filter((value): value is string => !!value);
    } catch {
      return [];
    }
  }
}

function operation(action: string): Params {
  return new Params({
    action,
    version: apiVersion,
    protocol: 'HTTPS',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
}

function transportCause(error: unknown): string {
  if (error instanceof SyntaxError) return 'the body was not JSON';
  if (isRecord(error) && error.name === 'RequestTimeoutError') return 'timed out';
  if (isRecord(error) && typeof error.code === 'string') return error.code;
  return 'transport failure';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
