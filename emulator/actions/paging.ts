import { apiError } from '../errors/api-error';
import { optionalParam } from './params';

import type { ActionContext } from './types';

/** The only page sizes the paged actions document (§6, §7). */
const pageSizes = ['30', '50', '100'];

/** A validated page request. */
export interface Page {
  number: number;
  size: number;
}

/**
 * Reads `PageNumber` (a positive integer, default 1) and `PageSize` (30, 50 or 100; the default differs per
 * action). Each is refused with its own `.Malformed` code, as the cloud names per-parameter validation errors.
 */
export function pageOf(context: ActionContext, defaultSize: 30 | 100): Page {
  const numberText = optionalParam(context.params, 'PageNumber') ?? '1';
  if (!/^[1-9]\d{0,8}$/.test(numberText)) throw apiError('InvalidPageNumber.Malformed');

  const sizeText = optionalParam(context.params, 'PageSize') ?? String(defaultSize);
  if (!pageSizes.includes(sizeText)) throw apiError('InvalidPageSize.Malformed', 'PageSize must be 30, 50 or 100.');
  return { number: Number(numberText), size: Number(sizeText) };
}

/** The items of one page. */
export function pageItems<T>(items: readonly T[], page: Page): T[] {
  return items.slice((page.number - 1) * page.size, page.number * page.size);
}
