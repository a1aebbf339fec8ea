/** What a vendor's signature of a callback can cover: its headers and its exact body. */
export interface WebhookCall {
  /** Header names in lower case; a repeated header's values joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body exactly as received, decoded as UTF-8. */
  readonly body: string;
}

/** One vendor callback, as the webhook receiver hands it to an adapter once it is authenticated. */
export interface WebhookRequest extends WebhookCall {
  /** The body parsed as JSON (both vendors post JSON), checked to nest no deeper than core allows. */
  readonly json: unknown;
  /** When the receiver got the call: the event time of reports that carry none. */
  readonly receivedAt: Date;
}

/** How to check a vendor's callback signature, from the receiver's `authentication` option. */
export interface WebhookSignatureCheck {
  /** The signing secret; absent, the adapter uses the one it signs its own requests with. */
  readonly secret?: string;
  /**
   * The header that carries each signed value, by the adapter's name for it, for vendors that do
   * not document their callback header names; absent names keep the adapter's defaults.
   */
  readonly headerNames?: Readonly<Record<string, string>>;
}
