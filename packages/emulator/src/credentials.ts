/**
 * The test accounts each vendor server accepts. They are public, which is one reason the servers
 * listen on loopback only.
 */

export interface NxcloudAccount {
  accessKey: string;
  accessSecret: string;
  appKey: string;
  /** The merchant's WhatsApp number with country code, digits only. */
  businessPhone: string;
}

export interface CamsAccount {
  accessKeyId: string;
  accessKeySecret: string;
  custSpaceId: string;
}

export const DEFAULT_NXCLOUD_ACCOUNT: Readonly<NxcloudAccount> = {
  accessKey: 'emulator-nxcloud-access-key',
  accessSecret: 'emulator-nxcloud-access-secret',
  appKey: 'emulatorappkey',
  businessPhone: '8613800138000',
};

export const DEFAULT_CAMS_ACCOUNT: Readonly<CamsAccount> = {
  accessKeyId: 'LTAIEmulatorTestKey',
  accessKeySecret: 'EmulatorTestSecretForCamsOnly',
  custSpaceId: 'cams-emulator-space',
};

/**
 * The WhatsApp Business Account behind both test accounts: in NXCloud's paging links and callbacks
 * (`wabaId`) and in CAMS's review callbacks (`WabaId`).
 */
export const EMULATOR_WABA_ID = '102290129340398';
