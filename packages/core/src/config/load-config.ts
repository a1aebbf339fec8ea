import { readFile, stat } from 'node:fs/promises';
import { configErrorFrom } from '../client/client-settings.js';
import { ConfigError } from '../errors/error-classes.js';
import { type WabspConfig, WabspConfigSchema } from './config-schema.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Environment variables per provider option; the names Alibaba Cloud tools already use for CAMS. */
const ENV_VARIABLES = {
  nxcloud: {
    accessKey: 'NXCLOUD_ACCESS_KEY',
    accessSecret: 'NXCLOUD_ACCESS_SECRET',
    appKey: 'NXCLOUD_APP_KEY',
    businessPhone: 'NXCLOUD_BUSINESS_PHONE',
    baseUrl: 'NXCLOUD_BASE_URL',
    signAlgorithm: 'NXCLOUD_SIGN_ALGORITHM',
  },
  cams: {
    accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
    custSpaceId: 'CAMS_CUST_SPACE_ID',
    endpoint: 'CAMS_ENDPOINT',
    protocol: 'CAMS_PROTOCOL',
  },
} as const;

/** Option names that hold secrets; a config file holding one must not be readable by others. */
const SECRET_OPTIONS = ['accessSecret', 'accessKeySecret', 'securityToken'];

/** Validates a configuration object, throwing ConfigError naming the faulty field. */
export function parseConfig(value: unknown): WabspConfig {
  const result = WabspConfigSchema.safeParse(value);
  if (!result.success) throw configErrorFrom(result.error);
  return result.data;
}

/**
 * Reads the configuration from environment variables: `WABSP_PROVIDER` names the vendor, and
 * the vendor's variables (see the README) fill its options. `WABSP_TIMEOUT_MS` and
 * `WABSP_RETRY_MAX_ATTEMPTS` set the client. Unset variables are left out, so CAMS can fall back
 * to Alibaba Cloud's own credential chain.
 */
export function loadConfigFromEnv(env: Env = process.env): WabspConfig {
  const provider = env.WABSP_PROVIDER;
  if (!provider) {
    throw new ConfigError('Set WABSP_PROVIDER to the vendor to use (nxcloud or cams)', {
      field: 'WABSP_PROVIDER',
    });
  }
  const config: Record<string, unknown> = { provider };
  for (const [vendor, variables] of Object.entries(ENV_VARIABLES)) {
    const options = optionsFromEnv(variables, env);
    if (Object.keys(options).length > 0) config[vendor] = options;
  }
  const timeoutMs = integerFromEnv(env, 'WABSP_TIMEOUT_MS');
  if (timeoutMs !== undefined) config.timeoutMs = timeoutMs;
  const maxAttempts = integerFromEnv(env, 'WABSP_RETRY_MAX_ATTEMPTS');
  if (maxAttempts !== undefined) config.retry = { maxAttempts };
  return parseConfig(config);
}

/**
 * Reads a JSON configuration file. A file that holds a secret must not be readable by other
 * users of the machine (mode 600 or stricter): such a file is refused with the command that
 * fixes it. Secrets are better kept in environment variables, which `loadConfig` merges over
 * the file.
 */
export async function loadConfigFromFile(path: string): Promise<WabspConfig> {
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
  if (holdsSecret(config) && process.platform !== 'win32') {
    const { mode } = await stat(path);
    if ((mode & 0o077) !== 0) {
      throw new ConfigError(
        `The config file ${path} holds a secret but other users can read it; run \`chmod 600 ${path}\`, or keep the secret in an environment variable instead`,
        { field: 'config' },
      );
    }
  }
  return config;
}

/**
 * The whole configuration from its sources, the more explicit winning: the `provider` argument
 * (e.g. a command-line flag), then the file, then environment variables.
 */
export async function loadConfig(
  options: { provider?: string; path?: string; env?: Env } = {},
): Promise<WabspConfig> {
  const env = options.env ?? process.env;
  const fromFile: Record<string, unknown> = options.path ? await loadConfigFromFile(options.path) : {};
  const provider = options.provider ?? (fromFile.provider as string | undefined) ?? env.WABSP_PROVIDER;
  if (!provider) {
    throw new ConfigError(
      'No provider configured: pass one, set `provider` in the config file, or set WABSP_PROVIDER',
      {
        field: 'provider',
      },
    );
  }
  const fromEnv: Record<string, unknown> = loadConfigFromEnv({ ...env, WABSP_PROVIDER: provider });
  const merged: Record<string, unknown> = { ...fromEnv, ...fromFile, provider };
  for (const key of [...Object.keys(ENV_VARIABLES), 'retry']) {
    const fileValue = fromFile[key] as Record<string, unknown> | undefined;
    const envValue = fromEnv[key] as Record<string, unknown> | undefined;
    if (fileValue || envValue) merged[key] = { ...envValue, ...fileValue };
  }
  return parseConfig(merged);
}

function optionsFromEnv(variables: Readonly<Record<string, string>>, env: Env): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [option, variable] of Object.entries(variables)) {
    const value = env[variable];
    if (value !== undefined && value !== '') options[option] = value;
  }
  return options;
}

function integerFromEnv(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number`, { field: name });
  return Number(value);
}

function holdsSecret(config: WabspConfig): boolean {
  return [config.nxcloud, config.cams].some(
    (options) => options !== undefined && SECRET_OPTIONS.some((key) => options[key] !== undefined),
  );
}
