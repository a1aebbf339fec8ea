import { ConfigError } from '../errors/error-classes.js';
import type { ProviderV1 } from '../provider/provider-v1.js';
import type { WebhookSignatureCheck } from '../provider/webhook-request.js';
import { MemoryDedupStore, type WebhookDedupStore } from './dedup-store.js';

/** The largest body the receiver reads unless told otherwise: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * How long an event id is remembered unless told otherwise: 10 minutes. Redeliveries come within
 * minutes; a longer window risks taking a genuine repeat for one where the vendor's report carries
 * no time (CAMS: a template approved, edited and approved again gives the same report twice).
 */
export const DEFAULT_DEDUP_WINDOW_MS = 10 * 60_000;

/**
 * How a call proves it comes from the vendor. `none` (the default) accepts any call: neither
 * vendor documents how its callbacks are signed well enough to check them by default (see the
 * README).
 *
 * - `shared-secret`: the call must carry `secret` in the named header, or in the named query
 *   parameter of the callback URL (for vendors, like CAMS, where only the URL can be configured).
 * - `signature`: the vendor's own signature of the exact body, checked by its adapter
 *   (`doVerifySignature`); `secret` defaults to the adapter's own signing secret and `headerNames`
 *   renames the headers the adapter reads.
 */
export type WebhookAuthentication =
  | { readonly type: 'none' }
  | {
      readonly type: 'shared-secret';
      readonly secret: string;
      readonly header?: string;
      readonly queryParameter?: string;
    }
  | ({ readonly type: 'signature' } & WebhookSignatureCheck);

export interface WebhookReceiverOptions {
  /** Default `{ type: 'none' }`. */
  authentication?: WebhookAuthentication;
  /** The largest body read, in bytes; a larger one is answered 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Dropping redeliveries by event id: `false` turns it off. `windowMs` (default 10 minutes) is how
   * long an id is remembered; `store` (default in memory, for one process) where.
   */
  deduplication?: false | { windowMs?: number; store?: WebhookDedupStore };
  /**
   * Told of every call the handlers refuse or fail (the error a `parse` would throw, or what
   * `onEvent` threw), for logs and metrics. The errors hold no body and no secret.
   */
  onError?: (error: unknown) => void;
}

/** The options with their defaults, checked. */
export interface ReceiverSettings {
  readonly authentication: WebhookAuthentication;
  readonly maxBodyBytes: number;
  readonly deduplication: false | { readonly windowMs: number; readonly store: WebhookDedupStore };
  readonly onError: (error: unknown) => void;
  readonly now: () => number;
}

const MAX_BODY_BYTES_LIMIT = 64 * 1024 * 1024;
const MAX_DEDUP_WINDOW_MS = 7 * 24 * 60 * 60_000;

/**
 * Checks the receiver's options against the provider and fills the defaults.
 *
 * @throws ConfigError naming the option at fault.
 */
export function resolveReceiverSettings(
  provider: ProviderV1,
  options: WebhookReceiverOptions,
  now: () => number,
): ReceiverSettings {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('The webhook receiver options must be an object', { field: 'options' });
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
    throw new ConfigError(`\`maxBodyBytes\` must be an integer from 1 to ${MAX_BODY_BYTES_LIMIT}`, {
      field: 'maxBodyBytes',
    });
  }
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    throw new ConfigError('`onError` must be a function', { field: 'onError' });
  }
  return {
    authentication: checkAuthentication(provider, options.authentication ?? { type: 'none' }),
    maxBodyBytes,
    deduplication: resolveDeduplication(options.deduplication, now),
    onError: options.onError ?? (() => {}),
    now,
  };
}

function checkAuthentication(
  provider: ProviderV1,
  authentication: WebhookAuthentication,
): WebhookAuthentication {
  const field = 'authentication';
  switch (authentication?.type) {
    case 'none':
      return authentication;
    case 'shared-secret': {
      const { secret, header, queryParameter } = authentication;
      if (typeof secret !== 'string' || secret === '') {
        throw new ConfigError('`authentication.secret` must be a non-empty string', {
          field: `${field}.secret`,
        });
      }
      if ((header === undefined) === (queryParameter === undefined)) {
        throw new ConfigError(
          'A shared secret is carried in a `header` or a `queryParameter`: name one of them',
          {
            field,
          },
        );
      }
      for (const [key, name] of [
        ['header', header],
        ['queryParameter', queryParameter],
      ] as const) {
        if (name !== undefined && (typeof name !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(name))) {
          throw new ConfigError(`\`authentication.${key}\` must be a header or parameter name`, {
            field: `${field}.${key}`,
          });
        }
      }
      return authentication;
    }
    case 'signature':
      if (provider.webhooks?.doVerifySignature === undefined) {
        throw new ConfigError(
          `The ${provider.id} adapter knows no callback signature to check; use a shared secret instead`,
          { field, provider: provider.id },
        );
      }
      if (
        authentication.secret !== undefined &&
        (typeof authentication.secret !== 'string' || authentication.secret === '')
      ) {
        throw new ConfigError('`authentication.secret` must be a non-empty string', {
          field: `${field}.secret`,
        });
      }
      return authentication;
    default:
      throw new ConfigError("`authentication.type` must be 'none', 'shared-secret' or 'signature'", {
        field: `${field}.type`,
      });
  }
}

function resolveDeduplication(
  deduplication: WebhookReceiverOptions['deduplication'],
  now: () => number,
): ReceiverSettings['deduplication'] {
  if (deduplication === false) return false;
  const windowMs = deduplication?.windowMs ?? DEFAULT_DEDUP_WINDOW_MS;
  if (!Number.isInteger(windowMs) || windowMs < 1 || windowMs > MAX_DEDUP_WINDOW_MS) {
    throw new ConfigError(`\`deduplication.windowMs\` must be an integer from 1 to ${MAX_DEDUP_WINDOW_MS}`, {
      field: 'deduplication.windowMs',
    });
  }
  const store = deduplication?.store ?? new MemoryDedupStore({ now });
  if (typeof store.claim !== 'function' || typeof store.release !== 'function') {
    throw new ConfigError('`deduplication.store` must have `claim` and `release` methods', {
      field: 'deduplication.store',
    });
  }
  return { windowMs, store };
}
