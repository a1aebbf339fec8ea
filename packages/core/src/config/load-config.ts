import { readFile, stat } from 'node:fs/promises';
import { configErrorFrom } from '../client/client-settings.js';
import { ConfigError } from '../errors/error-classes.js';
import type { ProviderAdapter, ProviderAdapters } from '../provider/provider-adapter.js';
import { type WabspConfig, WabspConfigSchema } from './config-schema.js';
import { resolveAdapter } from './resolve-adapter.js';

/** Environment variables by name, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The keys of a configuration that belong to the client; every other key holds a vendor's options. */
const CLIENT_KEYS = new Set(['provider', 'retry', 'rateLimit', 'timeoutMs']);

export interface LoadConfigOptions {
  /** The environment to read; `process.env` by default. */
  env?: Env;
  /** Adapters given by hand, by provider id (see `ProviderAdapter`); packages are loaded otherwise. */
  adapters?: ProviderAdapters;
}

/** Validates a configuration object, throwing ConfigError naming the faulty field. */
export function parseConfig(value: unknown): WabspConfig {
  const result = WabspConfigSchema.safeParse(value);
  if (!result.success) throw configErrorFrom(result.error);
  return result.data;
}

/**
 * Reads the configuration from environment variables: `WABSP_PROVIDER` names the vendor, whose
 * adapter says which variables fill its options (see the README); `WABSP_TIMEOUT_MS` and
 * `WABSP_RETRY_MAX_ATTEMPTS` set the client. Unset variables are left out, so CAMS can fall back
 * to Alibaba Cloud's own credential chain.
 *
 * @throws ConfigError when WABSP_PROVIDER is unset, its adapter is not installed, or a value is bad.
 */
export async function loadConfigFromEnv(env: Env = process.env, options: LoadConfigOptions = {}) {
  const provider = env.WABSP_PROVIDER;
  if (!provider) {
    throw new ConfigError('Set WABSP_PROVIDER to the vendor to use (for example nxcloud or cams)', {
      field: 'WABSP_PROVIDER',
    });
  }
  const adapter = await resolveAdapter(provider, options.adapters);
  return parseConfig(configFromEnv(provider, adapter, env));
}

/**
 * Reads a JSON configuration file. A file that holds a secret must not be readable by other
 * users of the machine (mode 600 or stricter). A file that holds a secret or says where requests
 * go (an endpoint or base URL, which outranks the environment) must be owned by the current user
 * (or root) and writable by nobody else: otherwise whoever can change it could send the signed
 * requests, and the credentials from the environment, to a host of their own. Such files are
 * refused with the command that fixes them. Secrets are better kept in environment variables,
 * which `loadConfig` merges under the file. Which options are secrets or endpoints each vendor's
 * adapter says, so the adapters of the vendors the file configures are loaded.
 *
 * @throws ConfigError when the file is unreadable, not JSON, invalid, or not private enough for
 *   what it holds.
 */
export async function loadConfigFromFile(
  path: string,
  options: LoadConfigOptions = {},
): Promise<WabspConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the config file ${path}`, { field: 'config', cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(`The config file ${path} is not valid JSON`, { field: 'config' });
  }
  const config = parseConfig(value);
  if (process.platform !== 'win32') await checkFileIsTrusted(path, config, options.adapters);
  return config;
}

/**
 * The whole configuration from its sources, the more explicit winning: the `provider` argument
 * (e.g. a command-line flag), then the file, then environment variables.
 *
 * @throws ConfigError when no provider is named, or any source is invalid.
 */
export async function loadConfig(
  options: LoadConfigOptions & { provider?: string; path?: string } = {},
): Promise<WabspConfig> {
  const env = options.env ?? process.env;
  const fromFile: Record<string, unknown> = options.path
    ? await loadConfigFromFile(options.path, options)
    : {};
  const provider = options.provider ?? (fromFile.provider as string | undefined) ?? env.WABSP_PROVIDER;
  if (!provider) {
    throw new ConfigError(
      'No provider configured: pass one, set `provider` in the config file, or set WABSP_PROVIDER',
      { field: 'provider' },
    );
  }
  const adapter = await resolveAdapter(provider, options.adapters);
  const fromEnv = configFromEnv(provider, adapter, env);
  const merged: Record<string, unknown> = { ...fromEnv, ...fromFile, provider };
  for (const key of [adapter.id, 'retry']) {
    const fileValue = fromFile[key] as Record<string, unknown> | undefined;
    const envValue = fromEnv[key] as Record<string, unknown> | undefined;
    if (fileValue || envValue) merged[key] = { ...envValue, ...fileValue };
  }
  return parseConfig(merged);
}

function configFromEnv(provider: string, adapter: ProviderAdapter, env: Env): Record<string, unknown> {
  const config: Record<string, unknown> = { provider };
  const vendorOptions: Record<string, string> = {};
  for (const [option, variable] of Object.entries(adapter.environment)) {
    const value = env[variable];
    if (value !== undefined && value !== '') vendorOptions[option] = withoutSurroundingSpace(value, variable);
  }
  if (Object.keys(vendorOptions).length > 0) config[adapter.id] = vendorOptions;
  const timeoutMs = integerFromEnv(env, 'WABSP_TIMEOUT_MS');
  if (timeoutMs !== undefined) config.timeoutMs = timeoutMs;
  const maxAttempts = integerFromEnv(env, 'WABSP_RETRY_MAX_ATTEMPTS');
  if (maxAttempts !== undefined) config.retry = { maxAttempts };
  return config;
}

/**
 * A value pasted with a trailing newline or space would be signed or sent as it is and fail at
 * the vendor with a bare "invalid signature"; it is refused here, naming the variable, the same
 * way for every vendor. (Trimming silently would hide a value that is not what the user thinks.)
 */
function withoutSurroundingSpace(value: string, variable: string): string {
  if (value.trim() === value) return value;
  throw new ConfigError(
    `${variable} starts or ends with white space (a pasted newline?); remove it and try again`,
    { field: variable },
  );
}

function integerFromEnv(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  withoutSurroundingSpace(value, name);
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number`, { field: name });
  return Number(value);
}

async function checkFileIsTrusted(
  path: string,
  config: WabspConfig,
  adapters: ProviderAdapters | undefined,
): Promise<void> {
  const { secret, endpoint } = await sensitiveOptions(config, adapters);
  if (!secret && !endpoint) return;
  const { mode, uid } = await stat(path);
  const what = secret ? 'a secret' : 'an endpoint';
  const me = process.getuid?.();
  if (me !== undefined && uid !== me && uid !== 0) {
    throw new ConfigError(
      `The config file ${path} holds ${what} but belongs to another user; copy it to a file of your own and run \`chmod 600\` on it`,
      { field: 'config' },
    );
  }
  if ((mode & 0o022) !== 0) {
    throw new ConfigError(
      `The config file ${path} holds ${what} but other users can change it; run \`chmod ${secret ? '600' : 'go-w'} ${path}\``,
      { field: 'config' },
    );
  }
  if (secret && (mode & 0o077) !== 0) {
    throw new ConfigError(
      `The config file ${path} holds a secret but other users can read it; run \`chmod 600 ${path}\`, or keep the secret in an environment variable instead`,
      { field: 'config' },
    );
  }
}

/**
 * Whether any vendor section of the file sets an option its adapter calls secret, or one that
 * says where requests go. A section whose adapter is not installed cannot be told apart, so it
 * counts as both.
 */
async function sensitiveOptions(
  config: WabspConfig,
  adapters: ProviderAdapters | undefined,
): Promise<{ secret: boolean; endpoint: boolean }> {
  let secret = false;
  let endpoint = false;
  for (const [key, section] of Object.entries(config)) {
    if (CLIENT_KEYS.has(key)) continue;
    const adapter = await resolveAdapter(key, adapters).catch(() => undefined);
    const options = section as Record<string, unknown>;
    const sets = (names: readonly string[] | undefined) =>
      names === undefined || names.some((option) => options[option] !== undefined);
    secret ||= sets(adapter?.secretOptions);
    endpoint ||= sets(adapter?.endpointOptions);
  }
  return { secret, endpoint };
}
