import type { Vendor } from '@whatsapp-bsp/emulator';

/** Distinctive fake secrets for the redaction audits: no innocent text contains them. */
export const AUDIT_SECRETS = {
  nxcloudSecret: 'NXSECRET-7f3a9c1e5d-audit',
  camsSecret: 'CAMSSECRET-5b2d8e0f4a-audit',
  camsToken: 'STSTOKEN-a1b2c3d4e5-audit',
  wrongNxcloudSecret: 'WRONG-NXSECRET-0c9d8e7f-audit',
  wrongCamsSecret: 'WRONG-CAMSSECRET-6a5b4c3d-audit',
} as const;

/** Each vendor's access secret as the emulator accepts it, and a wrong one. */
export const VENDOR_SECRETS: Readonly<Record<Vendor, { right: string; wrong: string }>> = {
  nxcloud: { right: AUDIT_SECRETS.nxcloudSecret, wrong: AUDIT_SECRETS.wrongNxcloudSecret },
  cams: { right: AUDIT_SECRETS.camsSecret, wrong: AUDIT_SECRETS.wrongCamsSecret },
};
