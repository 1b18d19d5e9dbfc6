import example from '../examples/fine-tune-request.json';
import { validateCreateTaskRequest } from '../src/request';
import { requestIssuesOf as issuesOf } from './support/request-issues';
import { maxEncodedRunningParameterLength } from '../src/request/running-parameter-size';

/** How the client sends a query value (RFC 3986), so the test measures what the gateway sees. */
const encoded = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

/** The example's RunningParameter with an undocumented `note` padded so its encoded text is `length` long. */
function runningParameterOf(length: number): Record<string, unknown> {
  const base = encoded(JSON.stringify({ ...example.RunningParameter, note: '' })).length;
  return { ...example.RunningParameter, note: 'a'.repeat(length - base) };
}

const tooLong = (length: number) =>
  `is ${length} characters once URL-encoded, over the limit of 24576: every CreateAIDBClusterTask parameter ` +
  'travels in the URL query string, and gateways refuse over-long URLs';

describe('the size of RunningParameter as sent', () => {
  it('accepts text of exactly the limit', () => {
    const runningParameter = runningParameterOf(maxEncodedRunningParameterLength);

    const sent = validateCreateTaskRequest({ ...example, RunningParameter: runningParameter }).params.RunningParameter;

    expect(encoded(sent ?? '').length).toBe(maxEncodedRunningParameterLength);
  });

  it('refuses an object whose encoded text is one character over, naming RunningParameter, the size and the limit', () => {
    const runningParameter = runningParameterOf(maxEncodedRunningParameterLength + 1);

    expect(issuesOf({ ...example, RunningParameter: runningParameter })).toEqual([
      { path: 'RunningParameter', message: tooLong(24577) },
    ]);
  });

  it('counts non-ASCII text as it is encoded, three characters a byte', () => {
    // 'é' is two UTF-8 bytes, six characters encoded: far fewer characters of text than the limit, yet over it.
    const text = JSON.stringify({
      ...example.RunningParameter,
      note: 'é'.repeat(maxEncodedRunningParameterLength / 6),
    });

    expect(text.length).toBeLessThan(maxEncodedRunningParameterLength / 2);
    expect(issuesOf({ ...example, RunningParameter: text })).toEqual([
      { path: 'RunningParameter', message: tooLong(encoded(text).length) },
    ]);
  });

  it('refuses text that cannot be URL-encoded at all', () => {
    const text = JSON.stringify({ ...example.RunningParameter, note: 'x' }).replace('"x"', '"\uD800"');

    expect(issuesOf({ ...example, RunningParameter: text })).toEqual([
      {
        path: 'RunningParameter',
        message:
          'holds an unpaired UTF-16 surrogate, which cannot be encoded into a URL; remove or repair that character',
      },
    ]);
  });

  it('reports the size with every other issue, so one round fixes the request', () => {
    const runningParameter = { ...runningParameterOf(30000), num_epochs: 0 };

    expect(issuesOf({ ...example, RunningParameter: runningParameter })).toEqual([
      { path: 'RunningParameter', message: tooLong(encoded(JSON.stringify(runningParameter)).length) },
      {
        path: 'RunningParameter.num_epochs',
        message: 'must be a positive integer (a JSON number, not a string), got the number 0',
      },
    ]);
  });
});
