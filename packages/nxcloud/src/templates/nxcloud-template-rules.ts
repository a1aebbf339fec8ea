import type { TemplateVendorRules } from '@whatsapp-bsp/core';

/**
 * NXCloud relays Meta's components as Meta names them, so nothing is refused outright; what its
 * createTemplate and getTemplate pages do not list is a warning. Its createTemplate page requires
 * `autofill_text` (with `package_name` and `signature_hash`) on a ONE_TAP button.
 */
export const nxcloudTemplateRules: TemplateVendorRules = {
  vendor: 'NXCloud',
  oneSamplePerVariable: false,
  unsupported: { headerFormats: [], buttonTypes: [] },
  undocumented: {
    componentTypes: ['CAROUSEL', 'LIMITED_TIME_OFFER'],
    headerFormats: ['LOCATION', 'GIF', 'PRODUCT'],
    buttonTypes: ['CATALOG', 'MPM', 'VOICE_CALL'],
    otpTypes: ['ZERO_TAP'],
    namedParameters: true,
    supportedApps: true,
  },
  // createTemplate's `example.header_handle` and `example.custom_header_handle_url`.
  mediaSamples: ['handle', 'url'],
  quickRepliesWithCallToAction: true,
  otpRequires: { ONE_TAP: ['autofillText'] },
};
