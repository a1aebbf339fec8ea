import type CredentialsModule from '@alicloud/credentials';
import { ConfigError, safeCause } from '@whatsapp-bsp/core';
import type { CamsCredential, CamsSettings } from './cams-options.js';
import { commonJsDefault, requireLoaded } from './commonjs-default.js';

const credentialsModule = requireLoaded<typeof CredentialsModule>('@alicloud/credentials');
const Credential = commonJsDefault(credentialsModule);
const CredentialConfig = credentialsModule.Config;

/** The keys one request is signed with, resolved before sending so we can keep them out of errors. */
export interface ResolvedCredential {
  readonly secrets: readonly string[];
}

export interface CamsCredentialSource {
  /** What openapi-client signs with. */
  readonly credential: InstanceType<typeof Credential>;
  /** Resolves the keys now; a ConfigError that says what to set when there are none. */
  resolve(): Promise<ResolvedCredential>;
}

const MISSING_CREDENTIALS =
  'No Alibaba Cloud credentials found for CAMS. Pass accessKeyId and accessKeySecret (or a credential) ' +
  'to cams(), or set the environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile (~/.alibabacloud/credentials, or the file ' +
  'named by ALIBABA_CLOUD_CREDENTIALS_FILE) or a RAM role';
const FAILED_CREDENTIAL = 'The credential passed to cams() did not provide an access key pair';

/**
 * Explicit keys, a caller's credential, or else `@alicloud/credentials`' default chain
 * (environment variables, profile files, OIDC, ECS RAM role), as Alibaba Cloud users expect. The
 * chain can only tell it found nothing by trying, including a network probe of the ECS metadata
 * service, so that answer comes on the first call, not when the provider is created.
 */
export function createCredentialSource(settings: CamsSettings): CamsCredentialSource {
  const credential = buildCredential(settings);
  const knownSecrets = [settings.accessKeySecret, settings.securityToken].filter(isString);
  const fail = (cause?: unknown) =>
    new ConfigError(settings.credential ? FAILED_CREDENTIAL : MISSING_CREDENTIALS, {
      provider: 'cams',
      field: settings.credential ? 'credential' : 'accessKeyId',
      ...(cause !== undefined && { cause: safeCause(cause, knownSecrets) }),
    });
  return {
    credential,
    async resolve() {
      let model: Awaited<ReturnType<CamsCredential['getCredential']>>;
      try {
        model = await credential.getCredential();
      } catch (error) {
        throw fail(error);
      }
      if (!model.accessKeyId || !model.accessKeySecret) throw fail();
      return { secrets: [...knownSecrets, model.accessKeySecret, model.securityToken].filter(isString) };
    },
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
