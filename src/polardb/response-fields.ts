import { PolarDbApiError } from './errors';

/**
 * Reading fields out of API answers before anything enters workflow history. Every value is bounded:
 * a field larger than its limit is a non-retryable `ResponseTooLarge` that names the field, because
 * asking again would return the same oversized value and the workflow would loop on it.
 */

/** Upper bound of one text field; ids, names and statuses are far shorter. */
export const defaultFieldLimit = 4_096;

/** A string field (numbers and booleans are stringified; anything else reads as empty). */
export function textField(action: string, field: string, value: unknown, limit = defaultFieldLimit): string {
  const text =
    typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  if (text.length > limit) {
    throw new PolarDbApiError(
      `${action} answered ${field} of ${text.length} characters, more than the ${limit} the pipeline keeps`,
      action,
      { kind: 'ResponseTooLarge', retryable: false, ambiguous: false },
    );
  }
  return text;
}

/** Like {@link textField}, but undefined for an absent or empty value. */
export function optionalTextField(action: string, field: string, value: unknown, limit?: number): string | undefined {
  const text = textField(action, field, value, limit);
  return text === '' ? undefined : text;
}

/** A finite number, from a JSON number or a numeric string (the API sends both). */
export function numberField(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The records of an array field; anything else reads as none. */
export function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** True for a non-null object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
