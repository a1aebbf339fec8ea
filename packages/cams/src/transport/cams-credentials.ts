import type CredentialsModule from '@alicloud/credentials';
import { ConfigError } from '@whatsapp-bsp/core';
import { safeCause } from '@whatsapp-bsp/core/adapter';
import type { CamsCredential, CamsSettings } from '../cams-options.js';
import { commonJsDefault, requireLoaded } from './commonjs-default.js';

const credentialsModule = requireLoaded<typeof CredentialsModule>('@alicloud/credentials');
const Credential = commonJsDefault(credentialsModule);
const CredentialConfig = credentialsModule.Config;

/** What openapi-client is given to sign with: it calls `getCredential()` before every request. */
export interface CamsSigningCredential {
  getCredential(): ReturnType<CamsCredential['getCredential']>;
}

export interface CamsCredentialSource {
  /** The configured credential, checked and noted each time openapi-client asks it for keys. */
  readonly credential: CamsSigningCredential;
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

/**
 * Explicit keys, a caller's credential, or else `@alicloud/credentials`' default chain
 * (environment variables, profile files, OIDC, ECS RAM role), as Alibaba Cloud users expect. The
 * chain can only tell it found nothing by trying, including a network probe of the ECS metadata
 * service, so that answer comes on the first call, not when the provider is created: the
 * ConfigError is thrown from `getCredential()`, before openapi-client sends anything.
 */
export function createCredentialSource(settings: CamsSettings): CamsCredentialSource {
  const configured = buildCredential(settings);
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
  const fail = (cause?: unknown) =>
    new ConfigError(settings.credential ? FAILED_CREDENTIAL : MISSING_CREDENTIALS, {
      provider: 'cams',
      field: settings.credential ? 'credential' : 'accessKeyId',
      ...(cause !== undefined && { cause: safeCause(cause, secrets) }),
    });
  return {
    credential: {
      async getCredential() {
        let model: Awaited<ReturnType<CamsCredential['getCredential']>>;
        try {
          model = await configured.getCredential();
        } catch (error) {
          throw fail(error);
        }
        if (!model.accessKeyId || !model.accessKeySecret) throw fail();
        remember(model.accessKeySecret);
        remember(model.securityToken);
        return model;
      },
    },
    secrets: () => secrets,
  };
}

function buildCredential(settings: CamsSettings): InstanceType<typeof Credential> {
  if (settings.credential) {
    // openapi-client only calls getCredential(); any object offering it works.
    return settings.credential as unknown as InstanceType<typeof Credential>;
  }
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
