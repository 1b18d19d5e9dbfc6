/**
 * Most characters RunningParameter may take on the wire, percent-encoded as the official client sends it. The
 * client puts every CreateAIDBClusterTask parameter in the URL query string, and gateways refuse over-long URLs.
 * The service's own limit is not documented; 24 KiB leaves room for the other parameters and the signature under
 * the 32 KiB the emulator (strict on purpose) and common gateways accept. Encoded size, not text size, is what
 * counts: JSON punctuation takes three characters once encoded, and each non-ASCII byte three as well.
 */
export const maxEncodedRunningParameterLength = 24 * 1024;

/** RFC 3986 encoding as the Alibaba Cloud SDK signs and sends a query value. */
function encodedLength(text: string): number {
  return encodeURIComponent(text).replace(/[!'()*]/g, '%XX').length;
}

/**
 * Why RunningParameter text cannot be sent, or undefined when it can. Checked before any API call, since an
 * over-long URL fails at the gateway with an error that does not say which parameter is to blame.
 */
export function runningParameterSizeIssue(text: string): string | undefined {
  let length: number;
  try {
    length = encodedLength(text);
  } catch {
    // encodeURIComponent refuses a lone UTF-16 surrogate, and so would the client at send time.
    return 'holds an unpaired UTF-16 surrogate, which cannot be encoded into a URL; remove or repair that character';
  }
  return length > maxEncodedRunningParameterLength
    ? `is ${length} characters once URL-encoded, over the limit of ${maxEncodedRunningParameterLength}: every ` +
        'CreateAIDBClusterTask parameter travels in the URL query string, and gateways refuse over-long URLs'
    : undefined;
}
