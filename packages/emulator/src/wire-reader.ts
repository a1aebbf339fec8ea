/**
 * Reading a vendor's write request (a JSON body, or a JSON string inside a form) field by field.
 * A field of the wrong shape throws a `WireError` naming its path, which each vendor turns into
 * its own error answer.
 */

export type WireObject = Record<string, unknown>;

export class WireError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path} ${detail}`);
  }
}

export function isWireObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, path: string): WireObject {
  if (!isWireObject(value)) throw new WireError(path, 'must be an object');
  return value;
}

export function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new WireError(path, 'must be an array');
  return value;
}

export function optionalText(object: WireObject, key: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new WireError(`${path}.${key}`, 'must be a string');
  return value;
}

export function requiredText(object: WireObject, key: string, path: string): string {
  const value = optionalText(object, key, path);
  if (value === undefined || value === '') throw new WireError(`${path}.${key}`, 'is required');
  return value;
}

/** A boolean, or its text form as a form body carries it. */
export function optionalBoolean(object: WireObject, key: string, path: string): boolean | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new WireError(`${path}.${key}`, 'must be a boolean');
}

/** An integer, or its text form as a form body carries it. */
export function optionalInteger(object: WireObject, key: string, path: string): number | undefined {
  const value = object[key];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new WireError(`${path}.${key}`, 'must be an integer');
  }
  return number;
}

/** The value of a field that holds JSON text (CAMS's `Components`, `Example`). */
export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new WireError(path, 'must be JSON text');
  }
}
