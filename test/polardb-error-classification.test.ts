import { classifyApiFailure } from '../src/polardb/errors';
import { scrubSecrets } from '../src/polardb/scrub';

describe('classifying PolarDB failures', () => {
  it.each([
    ['Throttling.User', 400, 'Throttled', true, false],
    ['InternalError', 500, 'ServerError', true, true],
    ['ServiceUnavailable', 503, 'ServerError', true, true],
    ['SignatureDoesNotMatch', 400, 'AuthFailed', false, false],
    ['InvalidAccessKeyId.NotFound', 404, 'AuthFailed', false, false],
    ['InvalidDBClusterId.NotFound', 404, 'NotFound', false, false],
    ['MissingParameter', 400, 'InvalidRequest', false, false],
    ['QuotaNotEnough', 400, 'QuotaOrBalance', false, false],
    ['InsufficientBalance', 400, 'QuotaOrBalance', false, false],
    ['OperationDenied.LockMode', 403, 'Locked', false, false],
    ['IncorrectDBClusterState', 403, 'ClusterBusy', true, false],
    ['InvalidTimeStamp.Expired', 400, 'ClockSkew', false, false],
    ['SomethingNew', 502, 'ServerError', true, true],
    ['SomethingNew', 400, 'Unknown', false, false],
  ])('%s (HTTP %d) is %s, retryable=%s, ambiguous=%s', (code, status, kind, retryable, ambiguous) => {
    expect(classifyApiFailure(code, status)).toEqual({ kind, retryable, ambiguous });
  });

  it('treats a failure without an HTTP status as an ambiguous transport failure', () => {
    expect(classifyApiFailure(undefined, undefined)).toEqual({ kind: 'Transport', retryable: true, ambiguous: true });
    // A socket error's `code` is not an API code; without a status it must not be trusted.
    expect(classifyApiFailure('ECONNRESET', undefined).kind).toBe('Transport');
  });
});

describe('scrubbing failure text', () => {
  it('removes the server string-to-sign, V2 query secrets, signatures and registered secrets', () => {
    const text =
      'SignatureDoesNotMatch: Specified signature is not matched with our calculation. server string to sign is: ACS3-HMAC-SHA256\nabc ' +
      'POST http://h/?AccessKeyId=LTAIkey&Signature=abc%3D&SecurityToken=CAIStoken failed. Signature=' +
      'a'.repeat(64) +
      ' secret TopSecretValue123';
    const clean = scrubSecrets(text, ['TopSecretValue123']);
    expect(clean).not.toContain('ACS3-HMAC-SHA256\nabc');
    expect(clean).not.toContain('LTAIkey');
    expect(clean).not.toContain('CAIStoken');
    expect(clean).not.toContain('TopSecretValue123');
    expect(clean).toContain('SignatureDoesNotMatch');
  });

  it('drops the query of a quoted request URL but keeps where the call went', () => {
    const clean = scrubSecrets('socket hang up POST http://127.0.0.1:1/?RunningParameter=%7B%7D&TaskName=x failed.');
    expect(clean).toBe('socket hang up POST http://127.0.0.1:1/?[query omitted] failed.');
  });
});
