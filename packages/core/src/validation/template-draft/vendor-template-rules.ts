import type { TemplateButtonType } from '../../model/template-button.js';
import type { HeaderFormat, TemplateComponentType } from '../../model/template-component.js';

type OtpType = 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP';

/**
 * What one vendor's template wire accepts beyond WhatsApp's own rules, as data: the checks that
 * read it are the same for every vendor. Give your own for another vendor with
 * `validateTemplateDraft(draft, { provider: 'acme', vendorRules })`.
 */
export interface TemplateVendorRules {
  /** The vendor's name in messages. */
  readonly vendor: string;
  /**
   * The vendor keeps one sample per variable for the whole template (CAMS's template-level
   * `Example` map, keyed `{{1}}` or `{{first_name}}`), so two components cannot give the same
   * variable different samples.
   */
  readonly oneSamplePerVariable: boolean;
  /** Values the vendor's documented lists leave out and nothing else on its wire carries: refused. */
  readonly unsupported: {
    readonly headerFormats: readonly HeaderFormat[];
    readonly buttonTypes: readonly TemplateButtonType[];
  };
  /** What the vendor's pages do not document but may pass on as Meta's: a warning. */
  readonly undocumented: {
    readonly componentTypes: readonly TemplateComponentType[];
    readonly headerFormats: readonly HeaderFormat[];
    readonly buttonTypes: readonly TemplateButtonType[];
    readonly otpTypes: readonly OtpType[];
    readonly namedParameters: boolean;
    readonly supportedApps: boolean;
  };
  /** Whether quick replies may share a template with URL and phone buttons (Meta allows it). */
  readonly quickRepliesWithCallToAction: boolean;
  /** OTP button fields the vendor requires, by OTP type. */
  readonly otpRequires: Readonly<Partial<Record<OtpType, readonly ('text' | 'autofillText')[]>>>;
  /** Why the vendor may refuse `messageSendTtlSeconds`, when it restricts it (a warning). */
  readonly ttlRestriction?: string;
}

/**
 * NXCloud relays Meta's components as Meta names them, so nothing is refused outright; what its
 * createTemplate and getTemplate pages do not list is a warning. Its createTemplate page requires
 * `autofill_text` (with `package_name` and `signature_hash`) on a ONE_TAP button.
 */
const NXCLOUD_RULES: TemplateVendorRules = {
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
  quickRepliesWithCallToAction: true,
  otpRequires: { ONE_TAP: ['autofillText'] },
};

/**
 * CAMS's CreateChatappTemplate page and SDK models: `Format` takes TEXT, IMAGE, DOCUMENT, VIDEO;
 * button `Type` takes PHONE_NUMBER, URL, QUICK_REPLY, COPY_CODE, ONE_TAP. A location header (its
 * coordinate fields exist), a flow button (its FlowId fields exist), ZERO_TAP (its SupportedApps
 * are "for one-tap and zero-tap") and catalog buttons (offered in the console) are undocumented
 * values, not impossible ones. The variables' samples share one `Example` map.
 */
const CAMS_RULES: TemplateVendorRules = {
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
  quickRepliesWithCallToAction: false,
  otpRequires: { COPY_CODE: ['text'], ONE_TAP: ['text', 'autofillText'] },
  ttlRestriction: 'CAMS takes MessageSendTtlSeconds only for a WABA that Alibaba Cloud has allow-listed',
};

/** The rules of the vendors this project ships adapters for, by provider id. */
export const TEMPLATE_VENDOR_RULES: Readonly<Record<string, TemplateVendorRules>> = Object.freeze({
  nxcloud: NXCLOUD_RULES,
  cams: CAMS_RULES,
});
