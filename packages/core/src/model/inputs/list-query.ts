import { decodeCursor } from '../../client/pagination/cursor.js';
import type { CallOptions } from '../../client/pipeline/operation-runner.js';
import { InvalidRequestError, UnsupportedOperationError } from '../../errors/error-classes.js';
import type { ProviderCapabilities, TemplateFilter } from '../../provider/capabilities.js';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '../template.js';
import { CALL_OPTION_KEYS, parseCallOptions } from './call-options.js';
import {
  optionalPositiveInteger,
  rejectUnknownKeys,
  requireIdentifier,
  requireLanguageCode,
  requireObject,
  requireOneOf,
  requireTemplateName,
} from './input-checks.js';

export interface PaginationOptions {
  /** Items per request; each vendor has its own maximum (see its capabilities). */
  pageSize?: number;
  /** Stop after this many items, without fetching further pages. */
  maxItems?: number;
  /** Resume from a page's `nextCursor`. */
  cursor?: string;
  signal?: AbortSignal;
  /** Per-attempt time budget in milliseconds. */
  timeoutMs?: number;
  /** Retry settings for this list's requests, merged over the client's. */
  retry?: CallOptions['retry'];
}

export interface TemplateFilters {
  name?: string;
  language?: string;
  status?: (typeof TEMPLATE_STATUSES)[number];
  category?: (typeof TEMPLATE_CATEGORIES)[number];
}

export interface TemplateListQuery extends PaginationOptions, TemplateFilters {
  /** Full templates with components; on vendors whose list omits them, each is fetched in turn. */
  withComponents?: boolean;
}

/** A list query once checked: what to ask each page for, where to stop, and the call options. */
export interface ParsedListQuery {
  readonly pageSize: number;
  readonly limits: { readonly maxItems?: number; readonly cursor?: string };
  readonly call: CallOptions;
}

export const PAGINATION_KEYS = ['pageSize', 'maxItems', 'cursor', ...CALL_OPTION_KEYS] as const;
export const TEMPLATE_LIST_KEYS = [
  ...PAGINATION_KEYS,
  'name',
  'language',
  'status',
  'category',
  'withComponents',
] as const;

/**
 * Checks a list's paging options against the vendor's list capabilities, and that a cursor was
 * issued by this provider.
 *
 * @throws InvalidRequestError naming the option at fault.
 */
export function parseListQuery(
  query: unknown,
  what: string,
  known: readonly string[],
  capabilities: { readonly maxPageSize: number; readonly defaultPageSize: number },
  providerId: string,
): ParsedListQuery {
  const raw = requireObject(query, what);
  rejectUnknownKeys(raw, known, what);
  const pageSize = optionalPositiveInteger(raw.pageSize, 'pageSize', capabilities.maxPageSize);
  const maxItems = optionalPositiveInteger(raw.maxItems, 'maxItems');
  const cursor = raw.cursor === undefined ? undefined : requireIdentifier(raw.cursor, 'cursor');
  if (cursor !== undefined) decodeCursor(providerId, cursor);
  return {
    // Never ask for more than will be taken: with `withComponents` each extra item costs a call.
    pageSize: Math.min(pageSize ?? capabilities.defaultPageSize, maxItems ?? Number.POSITIVE_INFINITY),
    limits: {
      ...(maxItems !== undefined && { maxItems }),
      ...(cursor !== undefined && { cursor }),
    },
    call: parseCallOptions({ signal: raw.signal, timeoutMs: raw.timeoutMs, retry: raw.retry }),
  };
}

/**
 * Checks each template filter's value, and that this vendor can filter on it at all.
 *
 * @throws InvalidRequestError for a bad value; UnsupportedOperationError for a filter the vendor lacks.
 */
export function parseTemplateFilters(
  query: Record<string, unknown>,
  capabilities: ProviderCapabilities,
  providerId: string,
): TemplateFilters {
  const filters: TemplateFilters = {};
  const supported = capabilities.templates.list.filters;
  const check = (field: TemplateFilter) => {
    if (query[field] === undefined) return false;
    if (!supported.includes(field)) {
      throw new UnsupportedOperationError(
        `${providerId} cannot filter templates by \`${field}\`; it supports: ${supported.join(', ') || 'no filters'}`,
        { provider: providerId, field },
      );
    }
    return true;
  };
  if (check('name')) filters.name = requireTemplateName(query.name);
  if (check('language')) filters.language = requireLanguageCode(query.language, 'language');
  if (check('status')) filters.status = requireOneOf(query.status, TEMPLATE_STATUSES, 'status');
  if (check('category')) filters.category = requireOneOf(query.category, TEMPLATE_CATEGORIES, 'category');
  return filters;
}

/** `withComponents`, when given, is a boolean. */
export function parseWithComponents(query: Record<string, unknown>): boolean {
  if (query.withComponents !== undefined && typeof query.withComponents !== 'boolean') {
    throw new InvalidRequestError('`withComponents` must be a boolean', { field: 'withComponents' });
  }
  return query.withComponents === true;
}
