import type { ProviderV1 } from './provider-v1.js';

/**
 * What an adapter package exports, as `adapter`, so that core can load it from configuration by
 * name without knowing any vendor: `loadConfig` reads its environment variables and checks which
 * options are secrets; `createClient({ provider: '<id>' })` imports the package and calls
 * `create` with the options under the `<id>` key of the configuration.
 *
 * By name, the provider `<id>` lives in the package `@whatsapp-bsp/<id>`; a third party's adapter
 * is named by its package (`provider: 'acme-wabsp'`) or passed in `adapters`.
 */
export interface ProviderAdapter<Options extends object = object> {
  /** The provider's id; also the key of its options in a configuration. */
  readonly id: string;
  /** Builds the provider. @throws ConfigError naming the option at fault. */
  create(options: Options): ProviderV1;
  /** The environment variable that sets each option, by option name. */
  readonly environment: Readonly<Record<string, string>>;
  /** The options that hold secrets: a config file holding one must be private to its owner. */
  readonly secretOptions: readonly string[];
  /** The options that say where requests go (a host, a URL). */
  readonly endpointOptions: readonly string[];
}

/** Adapters given by hand, by provider id; they win over packages of the same name. */
export type ProviderAdapters = Readonly<Record<string, ProviderAdapter>>;
