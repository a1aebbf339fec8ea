import type { ProviderCallContext } from '@whatsapp-bsp/core';
import type { UploadAuthorization } from './cams-upload-authorization.js';

/**
 * Credentials are dropped this long before CAMS says they expire, so that an upload signed just
 * before the end, or waiting on a slow network, is not refused as expired; never more than half
 * their lifetime.
 */
const SAFETY_MARGIN_MS = 5 * 60 * 1000;

/** One set of credentials and when this process stops using it, in epoch milliseconds. */
export interface CachedAuthorization {
  readonly authorization: UploadAuthorization;
  readonly usableUntil: number;
}

/**
 * The upload credentials of one provider, asked for when there are none or the last ones are
 * about to expire, and shared by every upload until then. GetChatappUploadAuthorization allows 5
 * requests per second per account: asking once an hour instead of once per upload keeps uploads
 * off that budget.
 *
 * Uploads that start together while nothing is cached each ask: sharing one pending request
 * would tie every upload to the first one's timeout and abort.
 */
export class UploadAuthorizationCache {
  #cached: CachedAuthorization | undefined;

  constructor(
    private readonly fetch: (context: ProviderCallContext) => Promise<UploadAuthorization>,
    private readonly now: () => number,
  ) {}

  /** The cached credentials while they are usable; otherwise new ones. */
  async current(context: ProviderCallContext): Promise<CachedAuthorization> {
    const cached = this.#cached;
    if (cached !== undefined && this.now() < cached.usableUntil) return cached;
    const requestedAt = this.now();
    const authorization = await this.fetch(context);
    const lifetimeMs = authorization.lifetimeSeconds * 1000;
    const fresh = {
      authorization,
      // Counted from the request, not the answer: CAMS's clock started before the answer arrived.
      usableUntil: requestedAt + lifetimeMs - Math.min(SAFETY_MARGIN_MS, lifetimeMs / 2),
    };
    this.#cached = fresh;
    return fresh;
  }

  /** Forgets credentials OSS refused (expired early, revoked), unless newer ones replaced them. */
  forget(cached: CachedAuthorization): void {
    if (this.#cached === cached) this.#cached = undefined;
  }
}
