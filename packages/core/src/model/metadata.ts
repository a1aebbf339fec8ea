/** What every result carries about the call that produced it, for logs and support tickets. */
export interface ResponseMetadata {
  readonly provider: string;
  /** The vendor's request id (CAMS `RequestId`); NXCloud responses carry none. */
  readonly requestId?: string;
  readonly httpStatusCode?: number;
  /** Attempts made, 1 when the first one succeeded. */
  readonly attempts: number;
  /** Milliseconds spent waiting between attempts. */
  readonly totalRetryDelayMs: number;
  /**
   * Set on a write whose attempt had an unknown outcome and whose effect the client then found
   * at the vendor by reading it back (DESIGN §12), instead of sending the write again.
   */
  readonly reconciled?: true;
}

export type WithMetadata<T> = T & { readonly $metadata: ResponseMetadata };

/**
 * Attaches `$metadata` as a non-enumerable property, so `JSON.stringify(result)` and
 * `toEqual` comparisons see only the data.
 */
export function attachMetadata<T extends object>(value: T, metadata: ResponseMetadata): WithMetadata<T> {
  Object.defineProperty(value, '$metadata', { value: metadata, enumerable: false, configurable: true });
  return value as WithMetadata<T>;
}
