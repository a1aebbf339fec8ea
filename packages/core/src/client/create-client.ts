import { parseConfig } from '../config/load-config.js';
import { loadProvider } from '../config/load-provider.js';
import { ConfigError } from '../errors/error-classes.js';
import type { ProviderAdapters } from '../provider/provider-adapter.js';
import type { ProviderV1 } from '../provider/provider-v1.js';
import { type ClientSettings, validateClientSettings } from './client-settings.js';
import { systemClock } from './pipeline/clock.js';
import { TokenBucketRateLimiter } from './pipeline/rate-limiter.js';
import { DEFAULT_RETRY } from './pipeline/retry-policy.js';
import { WhatsAppClient } from './whatsapp-client.js';

/** The per-attempt timeout, in milliseconds, when none is set. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export type ClientOptions = ClientSettings & { provider: ProviderV1 };

/**
 * A configuration naming the provider: its id (`'nxcloud'`, `'cams'`) or an adapter's package,
 * with the vendor's options under the provider's id, checked by its adapter.
 */
export type ClientConfigOptions = ClientSettings & {
  provider: string;
  /** Adapters given by hand, by provider id; packages are loaded otherwise. */
  adapters?: ProviderAdapters;
  [vendorOptions: string]: unknown;
};

/**
 * Creates the client. Given a provider instance it returns the client at once; given a
 * configuration naming the provider it loads that adapter only (see `ProviderAdapter`) and
 * resolves to the client.
 *
 * @throws ConfigError for bad settings, an unknown provider, or options its adapter refuses.
 */
export function createClient(options: ClientOptions): WhatsAppClient;
export function createClient(options: ClientConfigOptions): Promise<WhatsAppClient>;
export function createClient(
  options: ClientOptions | ClientConfigOptions,
): WhatsAppClient | Promise<WhatsAppClient> {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('createClient expects an options object with a `provider`', { field: 'provider' });
  }
  const { provider } = options;
  if (typeof provider === 'string') {
    // Functions and objects (hooks, clock, a custom limiter, adapters) are not configuration data.
    const {
      hooks: _hooks,
      clock: _clock,
      random: _random,
      adapters,
      rateLimit,
      ...data
    } = options as ClientConfigOptions;
    const config = parseConfig({
      ...data,
      ...(rateLimit === undefined
        ? {}
        : { rateLimit: rateLimit && { perOperation: rateLimit.perOperation } }),
    });
    return loadProvider(config, adapters).then((instance) => buildClient(instance, options));
  }
  if (!isProvider(provider)) {
    throw new ConfigError(
      '`provider` must be a provider id (such as nxcloud or cams) or a ProviderV1 instance',
      {
        field: 'provider',
      },
    );
  }
  return buildClient(provider, options);
}

function buildClient(provider: ProviderV1, settings: ClientSettings): WhatsAppClient {
  validateClientSettings(settings);
  const clock = settings.clock ?? systemClock;
  const rateLimit = settings.rateLimit;
  return new WhatsAppClient(provider, {
    providerId: provider.id,
    retry: { ...DEFAULT_RETRY, ...settings.retry },
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    rateLimiter: (rateLimit !== false && rateLimit?.limiter) || new TokenBucketRateLimiter(clock),
    rateLimits:
      rateLimit === false ? {} : { ...provider.capabilities.rateLimits, ...rateLimit?.perOperation },
    hooks: settings.hooks ?? {},
    clock,
    random: settings.random ?? Math.random,
  });
}

function isProvider(value: unknown): value is ProviderV1 {
  const candidate = value as Partial<ProviderV1> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.specificationVersion === 'v1' &&
    typeof candidate.id === 'string' &&
    typeof candidate.capabilities === 'object' &&
    typeof candidate.flows === 'object' &&
    typeof candidate.templates === 'object'
  );
}
