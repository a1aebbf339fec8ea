import type CredentialsModule from '@alicloud/credentials';
import { ConfigError } from '@whatsapp-bsp/core';
import { once, safeCause } from '@whatsapp-bsp/core/adapter';
import type { CamsCredential, CamsSettings } from '../cams-options.js';
import { commonJsDefault, requireCommonJs } from './commonjs-default.js';
import { isSendableInHeader } from './header-text.js';

/** The keys one request is signed with. */
export interface CamsKeys {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Only with temporary (STS) keys. */
  readonly securityToken?: string;
  /** What the credential calls its source (`static_ak`, `default/env`, ...), when it says. */
  readonly providerName?: string;
}

export interface CamsCredentialSource {
  /**
   * The keys to sign the next request with, from the configured credential, checked each time:
   * rotating credentials (STS, RAM roles) hand out new ones.
   * @throws ConfigError (`outcome: 'not-sent'`) when there are none, or they cannot be sent.
   */
  keys(): Promise<CamsKeys>;
  /** Every secret and token handed out so far, and the configured ones: what errors must not show. */
  secrets(): readonly string[];
}

const MISSING_CREDENTIALS =
  'No Alibaba Cloud credentials found for CAMS. Pass accessKeyId and accessKeySecret (or a credential) ' +
  'to cams(), or set the environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile (~/.alibabacloud/credentials, or the file ' +
  'named by ALIBABA_CLOUD_CREDENTIALS_FILE) or a RAM role';
/** Two key pairs with their tokens: the current one and the one before it. */
const MAX_HANDED_OUT_SECRETS = 4;
const FAILED_CREDENTIAL = 'The credential passed to cams() did not provide an access key pair';

/** The credential's fields that go into a request header or sign one, as a message names them. */
const SENT_FIELDS = [
  ['accessKeyId', 'access key id'],
  ['accessKeySecret', 'access key secret'],
  ['securityToken', 'security token'],
  ['providerName', 'provider name'],
] as const;

/**
 * Explicit keys, a caller's credential, or else `@alicloud/credentials`' default chain
 * (environment variables, profile files, OIDC, ECS RAM role), as Alibaba Cloud users expect. The
 * chain can only tell it found nothing by trying, including a network probe of the ECS metadata
 * service, so that answer comes on the first call, not when the provider is created: `keys()`
 * throws the ConfigError, before anything is sent.
 */
export function createCredentialSource(settings: CamsSettings): CamsCredentialSource {
  // Built on the first request: @alicloud/credentials takes tens of milliseconds to load.
  const configured = once(() => buildCredential(settings));
  const configuredSecrets = [settings.accessKeySecret, settings.securityToken].filter(isString);
  // Rotating credentials (STS, RAM roles) hand out new keys; the last few stay secret too, for
  // the requests still in flight that were signed with them.
  let handedOut: string[] = [];
  let secrets: readonly string[] = configuredSecrets;
  const remember = (secret: string | undefined) => {
    if (!isString(secret) || secrets.includes(secret)) return;
    handedOut = [...handedOut, secret].slice(-MAX_HANDED_OUT_SECRETS);
    secrets = [...configuredSecrets, ...handedOut];
  };
  const field = settings.credential ? 'credential' : 'accessKeyId';
  const fail = (cause?: unknown) =>
    new ConfigError(settings.credential ? FAILED_CREDENTIAL : MISSING_CREDENTIALS, {
      provider: 'cams',
      field,
      ...(cause !== undefined && { cause: safeCause(cause, secrets) }),
    });
  return {
    async keys() {
      let model: Awaited<ReturnType<CamsCredential['getCredential']>>;
      try {
        model = await configured().getCredential();
      } catch (error) {
        throw fail(error);
      }
      const { accessKeyId, accessKeySecret, securityToken, providerName } = model;
      if (!accessKeyId || !accessKeySecret) throw fail();
      remember(accessKeySecret);
      remember(securityToken);
      // Options given to cams() were checked when it was called; what a credential hands out is
      // checked here, so that a key read with a trailing newline is a ConfigError naming it
      // rather than a header Node.js refuses.
      for (const [key, name] of SENT_FIELDS) {
        const value = model[key];
        if (isString(value) && !isSendableInHeader(value)) {
          const source = settings.credential
            ? 'handed out by the credential passed to cams()'
            : 'found by the default credential chain (check ALIBABA_CLOUD_ACCESS_KEY_ID, _SECRET, _SECURITY_TOKEN, or the profile it reads)';
          throw new ConfigError(
            `The ${name} ${source} holds a line break, another control character or a character beyond Latin-1, which cannot be sent in an HTTP header; nothing was sent`,
            { provider: 'cams', field },
          );
        }
      }
      return {
        accessKeyId,
        accessKeySecret,
        ...(isString(securityToken) && { securityToken }),
        ...(isString(providerName) && { providerName }),
      };
    },
    secrets: () => secrets,
  };
}

function buildCredential(settings: CamsSettings): CamsCredential {
  if (settings.credential) return settings.credential;
  const credentialsModule = requireCommonJs<typeof CredentialsModule>('@alicloud/credentials');
  const Credential = commonJsDefault(credentialsModule);
  const CredentialConfig = credentialsModule.Config;
  if (settings.accessKeyId && settings.accessKeySecret) {
    return new Credential(
      new CredentialConfig({
        type: settings.securityToken ? 'sts' : 'access_key',
        accessKeyId: settings.accessKeyId,
        accessKeySecret: settings.accessKeySecret,
        securityToken: settings.securityToken,
      }),
    );
  }
  return new Credential();
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}
