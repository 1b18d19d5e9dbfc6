import { randomBytes } from 'node:crypto';

import { z } from 'zod';

import { apiError } from '../errors/api-error';
import { signaturesMatch } from '../signature/v3';
import { isoSeconds } from '../time';

import type { ApiError } from '../errors/api-error';
import type { StsTokenRecord } from '../state/schema';

/** What to mint: temporary credentials for one configured AccessKey, valid for `ttlMs`. */
export interface StsTokenRequest {
  /** The permanent AccessKey the token stands for. Default: the first configured key. */
  accessKeyId?: string;
  /** Lifetime in ms, 1 ms to 12 h (the real service's longest session). Default 1 h, the client's default session. */
  ttlMs?: number;
}

/** Temporary credentials, shaped like an STS AssumeRole answer. */
export interface IssuedStsToken {
  /** `STS.` + 24 characters; sign with it as with any AccessKey, and send the token too. */
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** `YYYY-MM-DDTHH:mm:ssZ` on the emulator clock. */
  expiration: string;
}

/** Persistence of minted tokens (the state store), so a restart does not invalidate them. */
export interface StsTokenLedger {
  stsToken(accessKeyId: string): StsTokenRecord | undefined;
  addStsToken(token: StsTokenRecord, nowMs: number): void;
  expireStsTokens(nowMs: number): number;
}

/** A token request that cannot be served (unknown key, bad lifetime, unknown field). */
export class StsTokenError extends Error {
  override readonly name = 'StsTokenError';
}

const maxTtlMs = 12 * 3600 * 1000;
const requestSchema = z.strictObject({
  accessKeyId: z.string().min(1).optional(),
  ttlMs: z.number().int().min(1).max(maxTtlMs).optional(),
});

const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  return [...randomBytes(length)].map((byte) => alphanumerics.charAt(byte % alphanumerics.length)).join('');
}

/**
 * The emulator's STS stand-in: mints temporary AccessKeys with a security token and an expiry, and judges the
 * token presented with each request. Tokens are standard base64 after a `CAIS` prefix, like real ones, so they
 * hold `+`, `/` and `=` and a client that forgets to encode them (V2 puts the token in the query) is caught.
 */
export class StsTokenBook {
  constructor(
    private readonly permanentKeys: ReadonlyMap<string, string>,
    private readonly ledger: StsTokenLedger,
    private readonly now: () => number,
  ) {}

  /** Mints a token; throws {@link StsTokenError} for an unusable request. */
  issue(input: unknown = {}): IssuedStsToken {
    const parsed = requestSchema.safeParse(input);
    if (!parsed.success) throw new StsTokenError(`Invalid STS request: ${z.prettifyError(parsed.error)}`);
    const parent = parsed.data.accessKeyId ?? [...this.permanentKeys.keys()][0] ?? '';
    if (!this.permanentKeys.has(parent)) throw new StsTokenError(`AccessKey ${parent} is not configured.`);

    const nowMs = this.now();
    const record: StsTokenRecord = {
      accessKeyId: `STS.${randomText(24)}`,
      accessKeySecret: randomText(44),
      securityToken: `CAIS${randomBytes(120).toString('base64')}`,
      parentAccessKeyId: parent,
      expiresAt: nowMs + (parsed.data.ttlMs ?? 3600 * 1000),
    };
    this.ledger.addStsToken(record, nowMs);
    const { accessKeyId, accessKeySecret, securityToken, expiresAt } = record;
    return { accessKeyId, accessKeySecret, securityToken, expiration: isoSeconds(expiresAt) };
  }

  /**
   * Expires every minted token now. A client's credential provider still believes its cached token valid, so
   * this is how a test makes the server refuse a token mid-run (a provider refreshes short-lived tokens on every
   * call, so waiting for a short expiry never shows it one). Answers how many tokens were live.
   */
  expireAll(): number {
    return this.ledger.expireStsTokens(this.now());
  }

  /** Secret of a permanent or minted AccessKey (expired ones included: expiry is judged with the token). */
  secretFor(accessKeyId: string): string | undefined {
    return this.permanentKeys.get(accessKeyId) ?? this.ledger.stsToken(accessKeyId)?.accessKeySecret;
  }

  /**
   * A minted key needs its own token (`MissingSecurityToken` without, `InvalidSecurityToken.Malformed` with any
   * other) and fails with `InvalidSecurityToken.Expired` from its expiry on. A permanent key takes no token: one
   * sent along is not a token of that key, so it is `.Malformed` too.
   */
  check(accessKeyId: string, token: string | undefined, nowMs: number): ApiError | undefined {
    const minted = this.ledger.stsToken(accessKeyId);
    if (!minted) return token === undefined ? undefined : apiError('InvalidSecurityToken.Malformed');

    if (token === undefined) return apiError('MissingSecurityToken');
    if (!signaturesMatch(minted.securityToken, token)) return apiError('InvalidSecurityToken.Malformed');
    if (nowMs >= minted.expiresAt) return apiError('InvalidSecurityToken.Expired');
    return undefined;
  }
}
