import type { TemplateVendorRules } from '@whatsapp-bsp/core';

/**
 * CAMS's CreateChatappTemplate page and SDK models: `Format` takes TEXT, IMAGE, DOCUMENT, VIDEO;
 * button `Type` takes PHONE_NUMBER, URL, QUICK_REPLY, COPY_CODE, ONE_TAP. A location header (its
 * coordinate fields exist), a flow button (its FlowId fields exist), ZERO_TAP (its SupportedApps
 * are "for one-tap and zero-tap") and catalog buttons (offered in the console) are undocumented
 * values, not impossible ones. The variables' samples share one `Example` map. A media header's
 * sample is a link (`Url`), never an upload handle.
 */
export const camsTemplateRules: TemplateVendorRules = {
  vendor: 'CAMS',
  oneSamplePerVariable: true,
  unsupported: { headerFormats: ['GIF', 'PRODUCT'], buttonTypes: ['VOICE_CALL'] },
  undocumented: {
    componentTypes: [],
    headerFormats: ['LOCATION'],
    buttonTypes: ['FLOW', 'CATALOG', 'MPM'],
    otpTypes: ['ZERO_TAP'],
    namedParameters: false,
    supportedApps: false,
  },
  // A component's `Url` is the only sample field CreateChatappTemplate has: no upload handle.
  mediaSamples: ['url'],
  quickRepliesWithCallToAction: false,
  otpRequires: { COPY_CODE: ['text'], ONE_TAP: ['text', 'autofillText'] },
  ttlRestriction: 'CAMS takes MessageSendTtlSeconds only for a WABA that Alibaba Cloud has allow-listed',
};
