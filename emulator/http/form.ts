import { invalidParameter } from '../errors/api-error';

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw invalidParameter('query', 'it contains an invalid percent-encoding.');
  }
}

/**
 * Decodes `application/x-www-form-urlencoded` text (the URL query or a form body) into a map. A repeated key is
 * refused: the client never sends one, and the signature's canonical form has no single right answer for it.
 */
export function decodeForm(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;

    const separator = pair.indexOf('=');
    const key = decodeComponent(separator < 0 ? pair : pair.slice(0, separator));
    const value = separator < 0 ? '' : decodeComponent(pair.slice(separator + 1));
    if (params.has(key)) throw invalidParameter(key, 'it is given more than once.');
    params.set(key, value);
  }
  return params;
}

/** Query and body parameters together; a name in both is refused for the same reason as a repeated key. */
export function mergeParams(
  query: ReadonlyMap<string, string>,
  body: ReadonlyMap<string, string>,
): Map<string, string> {
  const merged = new Map(query);
  for (const [key, value] of body) {
    if (merged.has(key)) throw invalidParameter(key, 'it is given in both the query and the body.');
    merged.set(key, value);
  }
  return merged;
}
