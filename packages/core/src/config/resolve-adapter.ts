import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors/error-classes.js';
import type { ProviderAdapter, ProviderAdapters } from '../provider/provider-adapter.js';

/** A provider id as configurations name it: `nxcloud`, `cams`, `acme-bsp`. */
const PROVIDER_ID = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * The adapter a configuration names. `adapters` (given by hand) win; otherwise the provider `<id>`
 * is the package `@whatsapp-bsp/<id>`, and a name that is a package specifier (`@acme/wabsp`,
 * `acme-wabsp/adapter`) is that package. The package exports the adapter as `adapter`.
 *
 * @throws ConfigError when the name is malformed, the package is not installed, or it exports no
 *   adapter.
 */
export async function resolveAdapter(
  name: string,
  adapters: ProviderAdapters = {},
): Promise<ProviderAdapter> {
  if (Object.hasOwn(adapters, name)) return adapters[name] as ProviderAdapter;
  const packageName = adapterPackage(name);
  const module = await importAdapter(name, packageName);
  const adapter = module.adapter as ProviderAdapter | undefined;
  if (!isAdapter(adapter)) {
    throw new ConfigError(
      `${packageName} does not export a whatsapp-bsp \`adapter\`; is it a compatible version?`,
      { field: 'provider' },
    );
  }
  return adapter;
}

function adapterPackage(name: string): string {
  if (PROVIDER_ID.test(name)) return `@whatsapp-bsp/${name}`;
  // A package specifier: an optional @scope/, then a name, then an optional subpath.
  if (/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w.-]+)*$/.test(name)) return name;
  throw new ConfigError(
    `Invalid provider '${name}': give a provider id such as nxcloud or cams, or an adapter's package name`,
    { field: 'provider' },
  );
}

function isAdapter(value: unknown): value is ProviderAdapter {
  const candidate = value as Partial<ProviderAdapter> | null | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.id === 'string' &&
    typeof candidate.create === 'function' &&
    typeof candidate.environment === 'object' &&
    Array.isArray(candidate.secretOptions)
  );
}

/**
 * The adapter is a package of the application, not of core: under pnpm's strict layout core
 * cannot see it from its own folder. Look from core, then from the working directory, then from
 * the running script (a globally installed command has its adapters beside it).
 */
async function importAdapter(name: string, packageName: string): Promise<Record<string, unknown>> {
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
    `Unknown provider '${name}': the adapter package ${packageName} is not installed; run \`npm install ${packageName}\`, or pass the adapter in \`adapters\``,
    { field: 'provider' },
  );
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
