import { invalidParameter, missingParameter } from '../errors/api-error';

/**
 * A parameter the request must carry. An empty value counts as absent: the cloud treats `X=` like a missing
 * `X`, and accepting it would let an empty id slip through to a confusing NotFound.
 */
export function requiredParam(params: ReadonlyMap<string, string>, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

/** An optional parameter; empty counts as absent. */
export function optionalParam(params: ReadonlyMap<string, string>, name: string): string | undefined {
  const value = params.get(name);
  return value === undefined || value === '' ? undefined : value;
}

/** Refuses a value outside `allowed` with InvalidParameter naming the parameter and the accepted values. */
export function checkEnum<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidParameter(name, `"${value}" is not one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** An optional enum parameter. */
export function optionalEnum<T extends string>(
  params: ReadonlyMap<string, string>,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = optionalParam(params, name);
  return value === undefined ? undefined : checkEnum(name, value, allowed);
}
