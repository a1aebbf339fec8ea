import type { TemplateButtonType } from '../../model/template-button.js';
import type { HeaderFormat, TemplateComponentType } from '../../model/template-component.js';

/** An OTP button's kind, as the model names it. */
export type OtpType = 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP';

/**
 * A form of a media header's sample in a draft: `handle` (`example.headerHandle`, an upload
 * handle) or `url` (`example.headerUrl`, a link the vendor fetches).
 */
export type MediaSampleForm = 'handle' | 'url';

/**
 * What one vendor's template wire accepts beyond WhatsApp's own rules, as data: the checks that
 * read it are the same for every vendor. Each adapter gives its own in
 * `capabilities.templates.draftRules`; `validateTemplateDraft(draft, { provider })` reads them there,
 * and `vendorRules` gives (or replaces) them by hand.
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
  /**
   * The forms in which the vendor's wire carries a media header's sample (NXCloud: `handle` as
   * `header_handle`, `url` as `custom_header_handle_url`; CAMS: `url` only, its component `Url`).
   * A sample in another form is refused. Absent: both.
   */
  readonly mediaSamples?: readonly MediaSampleForm[];
  /** Whether quick replies may share a template with URL and phone buttons (Meta allows it). */
  readonly quickRepliesWithCallToAction: boolean;
  /** OTP button fields the vendor requires, by OTP type. */
  readonly otpRequires: Readonly<Partial<Record<OtpType, readonly ('text' | 'autofillText')[]>>>;
  /** Why the vendor may refuse `messageSendTtlSeconds`, when it restricts it (a warning). */
  readonly ttlRestriction?: string;
}
