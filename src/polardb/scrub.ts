/**
 * Removes what must never leave the worker from text about a failed call: the server's string-to-sign
 * (echoed by SignatureDoesNotMatch), signatures, AccessKey ids and STS tokens in URLs (V2 signing puts
 * them in the query), and any secret value the caller registers.
 */

const secretQueryKeys = /([?&](?:Signature|SecurityToken|AccessKeyId|SignatureNonce)=)[^&\s]*/gi;
// Transport errors quote the whole request URL: with V2 signing that holds the key id, signature and
// token, and with any signing the full RunningParameter, which has no place in an error message.
const urlQuery = /(https?:\/\/[^\s?]+)\?\S*/gi;
const stringToSign = /(server string to sign is:?)[\s\S]*/i;
const acs3Signature = /(Signature=)[0-9a-f]{64}/gi;

/** Returns `text` with secret material replaced by `[redacted]`. */
export function scrubSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let clean = text.replace(stringToSign, '$1 [redacted]');
  clean = clean.replace(urlQuery, '$1?[query omitted]');
  clean = clean.replace(secretQueryKeys, '$1[redacted]');
  clean = clean.replace(acs3Signature, '$1[redacted]');
  return redactSecretValues(clean, knownSecrets);
}

function redactSecretValues(text: string, knownSecrets: readonly string[]): string {
  let clean = text;
  for (const secret of knownSecrets) {
    // Short values would redact ordinary words; real secrets and tokens are long.
    if (secret.length >= 8) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
}

/**
 * Returns a copy of a JSON answer in which every string containing one of `knownSecrets` has it replaced
 * by `[redacted]`; other values are returned as they are (the same object when nothing matched).
 */
export function redactKnownSecrets<T>(value: T, knownSecrets: readonly string[]): T {
  if (knownSecrets.every((secret) => secret.length < 8)) return value;
  return redactValue(value, knownSecrets) as T;
}

function redactValue(value: unknown, knownSecrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecretValues(value, knownSecrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, knownSecrets));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, knownSecrets)]));
  }
  return value;
}
