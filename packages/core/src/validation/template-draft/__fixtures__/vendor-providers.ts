// Providers for the vendor-rule tests of core, which cannot import the adapters: their
// `capabilities.templates.draftRules` are copies of the rules the NXCloud and CAMS adapters give
// (packages/nxcloud/src/templates/nxcloud-template-rules.ts, packages/cams/src/templates/
// cams-template-rules.ts), so these tests read as the vendors' behaviour; each adapter tests its
// own rules through its provider too.
import { testCapabilities } from '../../../__fixtures__/scripted-provider.js';
import type { ProviderCapabilities } from '../../../provider/capabilities.js';
import type { ProviderV1 } from '../../../provider/provider-v1.js';
import type { TemplateVendorRules } from '../vendor-template-rules.js';

type RulesOf = Pick<ProviderV1, 'id' | 'capabilities'>;

function providerWith(id: string, draftRules?: TemplateVendorRules): RulesOf {
  const capabilities: ProviderCapabilities = {
    ...testCapabilities,
    templates: { ...testCapabilities.templates, ...(draftRules && { draftRules }) },
  };
  return { id, capabilities };
}

export const NXCLOUD_SHAPED = providerWith('nxcloud', {
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
  mediaSamples: ['handle', 'url'],
  quickRepliesWithCallToAction: true,
  otpRequires: { ONE_TAP: ['autofillText'] },
});

export const CAMS_SHAPED = providerWith('cams', {
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
  mediaSamples: ['url'],
  quickRepliesWithCallToAction: false,
  otpRequires: { COPY_CODE: ['text'], ONE_TAP: ['text', 'autofillText'] },
  ttlRestriction: 'CAMS takes MessageSendTtlSeconds only for a WABA that Alibaba Cloud has allow-listed',
});

/** A provider that gives no template rules of its own. */
export const ACME_WITHOUT_RULES = providerWith('acme');
