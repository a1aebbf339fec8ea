import { randomBytes } from 'node:crypto';

/** How long temporary upload credentials last, in seconds: the example on CAMS's page (3600). */
export const UPLOAD_CREDENTIALS_LIFETIME_SECONDS = 3600;

export interface UploadCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** Objects may be written under `<dir>/` only, as an STS policy would allow. */
  dir: string;
  /** Epoch milliseconds on the emulator's clock. */
  expiresAt: number;
}

/**
 * The temporary OSS credentials that CAMS's GetChatappUploadAuthorization hands out (STS-style: an
 * `STS.` key id, a secret and a security token), and the check of each upload against them.
 */
export class UploadCredentialIssuer {
  private readonly issued = new Map<string, UploadCredentials>();

  constructor(private readonly now: () => number) {}

  issue(dir: string): UploadCredentials {
    this.forgetExpired();
    const credentials: UploadCredentials = {
      accessKeyId: `STS.${randomBytes(15).toString('base64url')}`,
      accessKeySecret: randomBytes(30).toString('base64url'),
      securityToken: randomBytes(96).toString('base64'),
      dir,
      expiresAt: this.now() + UPLOAD_CREDENTIALS_LIFETIME_SECONDS * 1000,
    };
    this.issued.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  /** The credentials issued under this key id, expired or not. */
  find(accessKeyId: string): UploadCredentials | undefined {
    return this.issued.get(accessKeyId);
  }

  /** Keeps the map small: credentials an hour past their expiry cannot be told apart from unknown ones. */
  private forgetExpired(): void {
    const cutoff = this.now() - UPLOAD_CREDENTIALS_LIFETIME_SECONDS * 1000;
    for (const [id, credentials] of this.issued) if (credentials.expiresAt < cutoff) this.issued.delete(id);
  }
}
