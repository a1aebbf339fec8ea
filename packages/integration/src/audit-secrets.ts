/** Distinctive fake secrets for the redaction audits: no innocent text contains them. */
export const AUDIT_SECRETS = {
  nxcloudSecret: 'NXSECRET-7f3a9c1e5d-audit',
  camsSecret: 'CAMSSECRET-5b2d8e0f4a-audit',
  camsToken: 'STSTOKEN-a1b2c3d4e5-audit',
  wrongNxcloudSecret: 'WRONG-NXSECRET-0c9d8e7f-audit',
  wrongCamsSecret: 'WRONG-CAMSSECRET-6a5b4c3d-audit',
} as const;
