import { BspError } from '../errors/bsp-error.js';
import { ConfigError } from '../errors/error-classes.js';
import type { ProviderAdapters } from '../provider/provider-adapter.js';
import type { ProviderV1 } from '../provider/provider-v1.js';
import type { WabspConfig } from './config-schema.js';
import { resolveAdapter } from './resolve-adapter.js';

/**
 * Loads only the adapter the configuration names (see `resolveAdapter`) and builds its provider
 * from the options under the adapter's id.
 *
 * @throws ConfigError when the adapter cannot be found or refuses its options.
 */
export async function loadProvider(config: WabspConfig, adapters?: ProviderAdapters): Promise<ProviderV1> {
  const adapter = await resolveAdapter(config.provider, adapters);
  const options = (config as Record<string, unknown>)[adapter.id] ?? {};
  try {
    return adapter.create(options as object);
  } catch (error) {
    if (BspError.isInstance(error)) throw error;
    throw new ConfigError(`The ${adapter.id} adapter refused its options`, {
      field: adapter.id,
      cause: error,
    });
  }
}
