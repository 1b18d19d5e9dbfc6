/** Strings longer than this are cut in messages, so one bad value cannot flood a log line. */
const maxQuotedLength = 60;

/**
 * True for an object literal or `JSON.parse` result. Arrays, class instances (Date, Map) and null are not, because
 * `JSON.stringify` would turn them into something other than what the caller wrote. The test works across realms:
 * objects built inside the workflow sandbox (a separate V8 context) have a different `Object.prototype`.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/**
 * Names a refused value by type and content, because the type is usually the mistake: `the string "2"` is not
 * `the number 2`, and `the string "false"` is not `the boolean false`.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (isPlainObject(value)) return 'an object';

  switch (typeof value) {
    case 'string':
      return value.length > maxQuotedLength
        ? `the string ${JSON.stringify(value.slice(0, maxQuotedLength))}… (${value.length} characters)`
        : `the string ${JSON.stringify(value)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `the ${typeof value} ${String(value)}`;
    case 'object':
      return `an instance of ${(value.constructor as { name?: string } | undefined)?.name || 'a class'}`;
    default:
      return `a ${typeof value}`;
  }
}

/**
 * Builds the zod error function shared by every field: an absent value is "required", anything else is refused with
 * what was expected and what arrived. One phrasing for every field keeps messages predictable for callers and tests.
 */
export function mustBe(expectation: string): (issue: { input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined ? 'is required' : `must be ${expectation}, got ${describeValue(issue.input)}`;
}
