import type { DataFile } from './data-file-list';
import type { PathSegment, RequestIssue } from './request-issue';
import type { RunningParameterValues } from './running-parameter-schema';

import { parseDataFileList } from './data-file-list';
import { scanJsonObjectText } from './json-object-scan';
import { formatPath } from './request-issue';
import { documentedKeys, integerKeys, runningParameterSchema } from './running-parameter-schema';
import { runningParameterSizeIssue } from './running-parameter-size';
import { didYouMean, respelledKey } from './unknown-keys';
import { describeValue, isPlainObject, mustBe } from './values';

/** RunningParameter once accepted: the exact text to send and the values it holds. */
export interface AcceptedRunningParameter {
  ok: true;
  /** The caller's string unchanged, or `JSON.stringify` of the caller's object. */
  text: string;
  values: RunningParameterValues;
}

/** The facts about RunningParameter that the dataset checks before a create need. */
export interface RunningParameterSummary {
  trainMode?: 'sft' | 'grpo';
  trainType?: 'lora' | 'full';
  /** Files picked by data_file_list, in its order; empty when the key is absent. */
  dataFiles: DataFile[];
}

const root = 'RunningParameter';

/**
 * Checks RunningParameter, given either as JSON text (what the API takes) or as an object (what code naturally
 * writes). A string is sent exactly as given, never re-serialised, so `"1e-6"`, odd spacing and integers beyond
 * 2^53 in undocumented keys reach the server untouched; an object is sent as `JSON.stringify` of it. Both forms are
 * validated from the text that will be sent, so what we check is what the server sees. Besides each documented key's
 * type and range, the text must fit in a URL (running-parameter-size.ts) and must not repeat a key, spell a count
 * other than as a plain integer, or spell a documented key another way (`Learning_Rate`).
 */
export function checkRunningParameter(
  input: unknown,
): AcceptedRunningParameter | { ok: false; issues: RequestIssue[] } {
  const read = readText(input);
  if ('issue' in read) return { ok: false, issues: [{ path: root, message: read.issue }] };

  const sizeIssue = runningParameterSizeIssue(read.text);
  const issues: RequestIssue[] = sizeIssue === undefined ? [] : [{ path: root, message: sizeIssue }];

  const scan = scanJsonObjectText(read.text);
  issues.push(
    ...scan.duplicateKeys.map((path) =>
      issueAt(path, 'appears more than once; JSON.parse would keep only the last value'),
    ),
  );

  const parsed = runningParameterSchema.safeParse(read.values);
  if (!parsed.success) {
    issues.push(
      ...parsed.error.issues.map((issue) =>
        issueAt(issue.path as PathSegment[], quotingNumbersAsWritten(issue, read.values, scan.memberTexts)),
      ),
    );
  }

  issues.push(...integerSpellingIssues(read.values, scan.memberTexts));
  if (typeof input !== 'string') {
    // A documented key the schema already refused needs no second reason.
    const refused = new Set(issues.map((issue) => issue.path));
    issues.push(...unsafeIntegerIssues(read.values, []).filter((issue) => !refused.has(issue.path)));
  }
  issues.push(...respelledKeyIssues(read.values));

  return parsed.success && issues.length === 0
    ? { ok: true, text: read.text, values: parsed.data }
    : { ok: false, issues };
}

/** The parts of an accepted RunningParameter that later checks (dataset files, training kind) depend on. */
export function summariseRunningParameter(values: RunningParameterValues): RunningParameterSummary {
  const files = values.data_file_list === undefined ? { files: [] } : parseDataFileList(values.data_file_list);
  return {
    ...(values.train_mode === undefined ? {} : { trainMode: values.train_mode }),
    ...(values.train_type === undefined ? {} : { trainType: values.train_type }),
    dataFiles: 'files' in files ? files.files : [],
  };
}

/** The text to send and the object it parses to, or why there is none. */
function readText(input: unknown): { text: string; values: Record<string, unknown> } | { issue: string } {
  if (typeof input === 'string') {
    let values: unknown;
    try {
      values = JSON.parse(input);
    } catch (error) {
      return { issue: `is not valid JSON (${(error as Error).message})` };
    }
    return isPlainObject(values)
      ? { text: input, values }
      : { issue: `must hold a JSON object, got ${describeValue(values)}` };
  }

  if (!isPlainObject(input)) return { issue: mustBe('a JSON object or a string holding one')({ input }) };

  try {
    // Parsing our own output gives the values exactly as the server will read them (undefined dropped, dates as text).
    const text = JSON.stringify(input);
    return { text, values: JSON.parse(text) as Record<string, unknown> };
  } catch (error) {
    return { issue: `cannot be written as JSON (${(error as Error).message})` };
  }
}

/**
 * Integers beyond 2^53 in an object: JavaScript rounded them before we saw them (123456789012345678901 is already
 * 123456789012345680000), so sending them would send a number the caller never wrote. The string form keeps them.
 */
function unsafeIntegerIssues(value: unknown, path: PathSegment[]): RequestIssue[] {
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return [
      issueAt(
        path,
        `is an integer beyond 2^53, which a JavaScript object cannot hold exactly (it already reads ${value}); ` +
          'pass RunningParameter as a JSON string to send it digit for digit',
      ),
    ];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeIntegerIssues(item, [...path, index]));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => unsafeIntegerIssues(item, [...path, key]));
  }
  return [];
}

/**
 * Counts whose value is a fine integer but whose text is not a plain integer literal (`1.0`, `1e0`). Only a
 * RunningParameter string can contain these; an object is written by JSON.stringify, which never does.
 */
function integerSpellingIssues(values: Record<string, unknown>, memberTexts: Map<string, string>): RequestIssue[] {
  return integerKeys.flatMap((key) => {
    const value = values[key];
    const literal = memberTexts.get(key);
    const validCount = typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
    return validCount && literal !== undefined && !/^[1-9][0-9]*$/.test(literal)
      ? [issueAt([key], `must be written as a plain integer such as ${value}, got ${literal}`)]
      : [];
  });
}

/**
 * Keys that differ from a documented key only in letter case, `_` or `-` (`Learning_Rate`, `NUM_EPOCHS`). Other
 * undocumented keys pass, but these are almost surely the documented setting misspelt, which the trainer would not
 * read: the run would quietly use its default instead.
 */
function respelledKeyIssues(values: Record<string, unknown>): RequestIssue[] {
  return Object.keys(values).flatMap((key) => {
    const meant = respelledKey(key, documentedKeys);
    return meant === undefined
      ? []
      : [issueAt([key], `is not a documented key and the trainer would likely ignore it${didYouMean(meant)}`)];
  });
}

/**
 * A schema message with a number quoted as the caller wrote it in a RunningParameter string: `JSON.parse` rounds
 * 12345678901234567890 to 12345678901234567000, a number the caller never sent. Schema messages end with the
 * refused value (see `mustBe`); one that does not is left as it is.
 */
function quotingNumbersAsWritten(
  issue: { path: readonly PropertyKey[]; message: string },
  values: Record<string, unknown>,
  memberTexts: Map<string, string>,
): string {
  const [key, ...nested] = issue.path;
  if (typeof key !== 'string' || nested.length > 0) return issue.message;

  const value = values[key];
  const literal = memberTexts.get(key);
  const parsed = describeValue(value);
  return typeof value === 'number' && literal !== undefined && issue.message.endsWith(parsed)
    ? `${issue.message.slice(0, -parsed.length)}the number ${literal}`
    : issue.message;
}

function issueAt(path: readonly PathSegment[], message: string): RequestIssue {
  return { path: formatPath([root, ...path]), message };
}
