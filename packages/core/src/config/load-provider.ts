import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BspError } from '../errors/bsp-error.js';
import { ConfigError } from '../errors/error-classes.js';
import type { ProviderV1 } from '../provider.js';
import { KNOWN_PROVIDERS, type WabspConfig } from './config-schema.js';

/**
 * Loads only the adapter the configuration names, by dynamic import, and builds its provider.
 * The adapter module exports a factory named after the provider (`nxcloud`, `cams`).
 */
export async function loadProvider(
  config: WabspConfig,
  packages: Readonly<Record<string, string>> = KNOWN_PROVIDERS,
): Promise<ProviderV1> {
  const name = config.provider;
  const packageName = packages[name];
  if (!Object.hasOwn(packages, name) || packageName === undefined) {
    throw new ConfigError(
      `Unknown provider '${name}'; known providers: ${Object.keys(packages).join(', ')}. A third-party adapter is passed as an instance: createClient({ provider: adapter(...) })`,
      { field: 'provider' },
    );
  }
  const module = await importAdapter(packageName);
  const factory = module[name];
  if (typeof factory !== 'function') {
    throw new ConfigError(`${packageName} does not export a '${name}' factory; is it a compatible version?`, {
      field: 'provider',
    });
  }
  const options = (config as Record<string, unknown>)[name] ?? {};
  try {
    return factory(options) as ProviderV1;
  } catch (error) {
    if (BspError.isInstance(error)) throw error;
    throw new ConfigError(`${packageName} refused its options`, { field: name, cause: error });
  }
}

/**
 * The adapter is a package of the application, not of core: under pnpm's strict layout core
 * cannot see it from its own folder. Look from core, then from the working directory, then from
 * the running script (a globally installed command has its adapters beside it).
 */
async function importAdapter(packageName: string): Promise<Record<string, unknown>> {
  try {
    return (await import(packageName)) as Record<string, unknown>;
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
  }
  const bases = [join(process.cwd(), 'noop.js'), process.argv[1]].filter((base): base is string =>
    Boolean(base),
  );
  for (const base of bases) {
    try {
      const resolved = createRequire(base).resolve(packageName);
      return (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
    } catch (error) {
      if (!isModuleNotFound(error)) throw error;
    }
  }
  throw new ConfigError(
    `The provider package ${packageName} is not installed; run \`npm install ${packageName}\``,
    {
      field: 'provider',
    },
  );
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
