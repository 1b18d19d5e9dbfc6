import OpenApi, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import { RuntimeOptions } from '@alicloud/tea-util';
import type Credential from '@alicloud/credentials';
import { defaultCredential } from './credential-chain';
import { classifyApiFailure, PolarDbApiError } from './errors';
import { isRecord } from './response-fields';
import { redactKnownSecrets, scrubSecrets } from './scrub';
import { describeClockSkew, readServerClock } from './server-clock';

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
   * Makes the credential provider. Omitted means the default chain of `@alicloud/credentials`
   * (environment, OIDC, CLI profile, credentials file, ECS metadata, URI when set; see credential-chain.ts).
   * It is called again after the service refuses an expired STS token, so a fresh provider fetches a fresh
   * token.
   */
  credentials?: () => Credential;
}

/** A successful answer: the JSON body and the request id the cloud gave it. */
export interface ApiAnswer {
  body: Record<string, unknown>;
  requestId: string;
}

/**
 * Signed calls to PolarDB actions through the official `callApi` (ACS3-HMAC-SHA256). The client's own
 * retry loop is off: Temporal's retry policy owns retries, and every failure comes out as a classified,
 * scrubbed {@link PolarDbApiError}. The one retry made here is after an expired STS token, once the
 * credential provider has been asked for a new one.
 */
export class PolarDbApiClient {
  private credential!: Credential;
  private client!: OpenApi;

  constructor(readonly options: PolarDbConnectionOptions) {
    this.connect();
  }

  /** Calls `action` with `params` (undefined values are left out) in the configured region. */
  async call(action: string, params: Record<string, string | number | boolean | undefined>): Promise<ApiAnswer> {
    try {
      return await this.callOnce(action, params);
    } catch (error) {
      const failure = await this.toApiError(action, error);
      if (failure.verdict.kind !== 'CredentialsExpired') throw failure;
      this.connect();
      try {
        return await this.callOnce(action, params);
      } catch (retryError) {
        throw await this.toApiError(action, retryError);
      }
    }
  }

  private connect(): void {
    this.credential = this.options.credentials?.() ?? defaultCredential();
    this.client = new OpenApi(
      new Config({
        endpoint: this.options.endpoint,
        protocol: this.options.protocol,
        regionId: this.options.regionId,
        credential: this.credential,
        readTimeout: this.options.readTimeoutMs,
        connectTimeout: socketTimeoutMs(this.options),
      }),
    );
  }

  private async callOnce(
    action: string,
    params: Record<string, string | number | boolean | undefined>,
  ): Promise<ApiAnswer> {
    const request = new OpenApiRequest({ query: OpenApiUtil.query({ RegionId: this.options.regionId, ...params }) });
    const runtime = new RuntimeOptions({
      autoretry: false,
      readTimeout: this.options.readTimeoutMs,
      connectTimeout: socketTimeoutMs(this.options),
    });
    const answer = (await this.client.callApi(operation(action), request, runtime)) as { body?: unknown };
    if (!isRecord(answer.body)) throw new SyntaxError('The answer was not a JSON object');
    // Task logs and failure reasons are free text written by the job; whatever a job printed of our
    // credentials must not travel on into history, logs or notifications.
    const body = redactKnownSecrets(answer.body, await this.currentSecrets());
    return { body, requestId: typeof body.RequestId === 'string' ? body.RequestId : '' };
  }

  private async toApiError(action: string, error: unknown): Promise<PolarDbApiError> {
    const failure = isRecord(error) ? error : {};
    // A transport error also has a `code` (ECONNRESET...), so only trust `code` when the server answered.
    const httpStatus = typeof failure.statusCode === 'number' ? failure.statusCode : undefined;
    const code = httpStatus !== undefined && typeof failure.code === 'string' ? failure.code : undefined;
    const data = isRecord(failure.data) ? failure.data : {};
    const requestId = typeof data.RequestId === 'string' ? data.RequestId : undefined;
    // No credential could be had at all: a configuration problem that no retry will fix.
    const verdict = isMissingCredentials(failure, httpStatus)
      ? ({ kind: 'CredentialsUnavailable', retryable: false, ambiguous: false } as const)
      : classifyApiFailure(code, httpStatus);
    const raw = error instanceof Error ? error.message : String(error);

    let describe =
      verdict.kind === 'CredentialsUnavailable'
        ? `${action} not sent: no Alibaba Cloud credentials could be found (${raw.split('\n')[0] ?? ''})`
        : httpStatus === undefined
          ? `${action} got no usable answer (${transportCause(error)}): ${raw}`
          : `${action} failed with ${code ?? 'no code'} (HTTP ${httpStatus}): ${raw}`;
    if (verdict.kind === 'ClockSkew') {
      const baseUrl = `${this.options.protocol}://${this.options.endpoint}/`;
      describe += `; ${describeClockSkew(new Date(), await readServerClock(baseUrl, this.options.connectTimeoutMs))}`;
    }
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

/**
 * The HTTP layer under the official client hands its connect timeout to Node as the socket's idle
 * timeout, which also runs while the server works on the answer: a connect timeout shorter than the
 * read timeout would cut every slow answer at the connect timeout. So the connect timeout given to the
 * library is never shorter than the read timeout.
 */
function socketTimeoutMs(options: PolarDbConnectionOptions): number {
  return Math.max(options.connectTimeoutMs, options.readTimeoutMs);
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

function isMissingCredentials(failure: Record<string, unknown>, httpStatus: number | undefined): boolean {
  if (httpStatus !== undefined) return false;
  const message = typeof failure.message === 'string' ? failure.message : '';
  return failure.code === 'InvalidCredentials' || /unable to get credentials/i.test(message);
}

function transportCause(error: unknown): string {
  if (error instanceof SyntaxError) return 'the body was not JSON';
  if (isRecord(error) && error.name === 'RequestTimeoutError') return 'timed out';
  if (isRecord(error) && typeof error.code === 'string') return error.code;
  return 'transport failure';
}
