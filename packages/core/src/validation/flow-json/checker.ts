import { isRecord } from '../../adapter/is-record.js';
import type { FlowJsonErrorCode } from './error-codes.js';
import type { JsonPath } from './path.js';
import { knownVersion } from './versions.js';

/** One problem found, before it is turned into Meta's error shape (and located in the text). */
export interface FlowJsonIssue {
  readonly code: FlowJsonErrorCode;
  readonly path: JsonPath;
  readonly message: string;
}

/** The JSON types a property can be required to have. */
export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array';

/** A property some object may carry, and the first Flow JSON version that allows it. */
export interface AllowedProperty {
  readonly since?: string;
  /** Its JSON type; unchecked when absent. */
  readonly type?: JsonType;
}

export function jsonTypeOf(value: unknown): JsonType | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isRecord(value)) return 'object';
  return typeof value as JsonType;
}

/**
 * What every rule group shares: the document's version and the list of issues found so far,
 * with the checks of shape that all groups make (required, typed and allowed properties).
 */
export class FlowJsonChecker {
  readonly issues: FlowJsonIssue[] = [];

  /**
   * @param version The document's Flow JSON version as a `versionNumber`; the newest accepted
   *   version when the document's own is missing or not accepted, so that one bad `version`
   *   does not also flag every component as too new or too old.
   */
  constructor(readonly version: number) {}

  report(code: FlowJsonErrorCode, path: JsonPath, message: string): void {
    this.issues.push({ code, path, message });
  }

  /** Whether the document's version is `since` or later. */
  allows(since: string): boolean {
    return this.version >= knownVersion(since);
  }

  /** Reports MISSING_REQUIRED_PROPERTY unless `record[key]` is present; returns whether it is. */
  require(record: Record<string, unknown>, key: string, path: JsonPath, owner: string): boolean {
    if (record[key] !== undefined) return true;
    this.report(
      'MISSING_REQUIRED_PROPERTY',
      [...path, key],
      `${owner} is missing the required property '${key}'.`,
    );
    return false;
  }

  /** Reports INVALID_PROPERTY_TYPE unless `value` has the JSON type `type`; returns whether it has. */
  expectType(value: unknown, type: JsonType, path: JsonPath, name: string): boolean {
    const actual = jsonTypeOf(value);
    if (actual === type) return true;
    this.report('INVALID_PROPERTY_TYPE', path, `'${name}' must be of type ${type}, not ${actual}.`);
    return false;
  }

  /**
   * `expectType` for `record[key]`, whose path is built only when there is something to report:
   * this runs for properties of every component, and most are fine.
   */
  expectPropertyType(record: Record<string, unknown>, key: string, type: JsonType, path: JsonPath): boolean {
    const actual = jsonTypeOf(record[key]);
    if (actual === type) return true;
    this.report('INVALID_PROPERTY_TYPE', [...path, key], `'${key}' must be of type ${type}, not ${actual}.`);
    return false;
  }

  /**
   * Checks the properties of an object Meta's schema closes: a property it does not know is
   * INVALID_PROPERTY, one newer than the document's version NOT_AVAILABLE_IN_VERSION, one of the
   * wrong JSON type INVALID_PROPERTY_TYPE.
   */
  checkProperties(
    record: Record<string, unknown>,
    allowed: Readonly<Record<string, AllowedProperty>>,
    path: JsonPath,
    owner: string,
  ): void {
    for (const key of Object.keys(record)) {
      const property = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
      if (property === undefined) {
        this.report(
          'INVALID_PROPERTY',
          [...path, key],
          `The property '${key}' cannot be specified on ${owner}.`,
        );
      } else if (property.since !== undefined && !this.allows(property.since)) {
        this.report(
          'NOT_AVAILABLE_IN_VERSION',
          [...path, key],
          `The property '${key}' of ${owner} needs Flow JSON ${property.since} or later.`,
        );
      } else if (property.type !== undefined) {
        this.expectPropertyType(record, key, property.type, path);
      }
    }
  }
}
