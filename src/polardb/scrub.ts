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
  for (const secret of knownSecrets) {
    // Short values would redact ordinary words; real secrets and tokens are long.
    if (secret.length >= 8) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
}
