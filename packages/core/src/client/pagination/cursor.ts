import { InvalidRequestError } from '../../errors/error-classes.js';

/**
 * Cursors handed to users are opaque and name the provider that issued them, so a cursor from
 * one vendor given to another is refused before any request instead of being misread.
 */
export function encodeCursor(providerId: string, vendorCursor: string): string {
  return Buffer.from(JSON.stringify({ p: providerId, c: vendorCursor }), 'utf8').toString('base64url');
}

/** Returns the vendor's own cursor inside, or throws InvalidRequestError naming `cursor`. */
export function decodeCursor(providerId: string, cursor: string): string {
  const parsed = parseCursor(cursor);
  if (parsed === undefined) {
    throw new InvalidRequestError('`cursor` is not a cursor issued by this library', { field: 'cursor' });
  }
  if (parsed.p !== providerId) {
    throw new InvalidRequestError(
      `\`cursor\` was issued by provider '${parsed.p}' and cannot be used with '${providerId}'`,
      { field: 'cursor' },
    );
  }
  return parsed.c;
}

function parseCursor(cursor: string): { p: string; c: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { p, c } = value as Record<string, unknown>;
    return typeof p === 'string' && typeof c === 'string' && c.length > 0 ? { p, c } : undefined;
  } catch {
    return undefined;
  }
}
