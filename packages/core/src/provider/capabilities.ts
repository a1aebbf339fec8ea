import type { TemplateStatus } from '../model/template.js';
import type { TemplateVendorRules } from '../validation/template-draft/vendor-template-rules.js';
import type { Operation } from './operations.js';

export type TemplateFilter = 'name' | 'language' | 'status' | 'category';

/**
 * What a vendor can do, and how. Data, not prose: the client consults it to refuse what a vendor
 * cannot do before sending anything, and the README's feature matrix is generated from it. Whether
 * a vendor can do an operation at all is the presence of its method on the provider.
 */
export interface ProviderCapabilities {
  readonly flows: {
    readonly list: {
      /** Whether list items carry `status` (CAMS ListFlow does not). */
      readonly includesStatus: boolean;
      readonly maxPageSize: number;
      readonly defaultPageSize: number;
      readonly reportsTotal: boolean;
    };
  };
  readonly templates: {
    readonly list: {
      readonly filters: readonly TemplateFilter[];
      /** Whether list items carry components; if not, `withComponents` fetches each template. */
      readonly includesComponents: boolean;
      readonly maxPageSize: number;
      readonly defaultPageSize: number;
      readonly reportsTotal: boolean;
    };
    readonly get: {
      /** `native`: one vendor call; `scan`: the client pages through the list to find the id. */
      readonly byId: 'native' | 'scan';
      readonly byNameAndLanguage: 'native';
    };
    /**
     * The scopes the vendor deletes in one call: `name` (every language of a name; NXCloud) and
     * `language` (one template; CAMS). The client emulates `name` by listing where only
     * `language` is native, and refuses `language` where only `name` is.
     */
    readonly delete?: { readonly scopes: readonly ('name' | 'language')[] };
    /**
     * How the vendor edits templates. `refusedStatuses`: the statuses it refuses to edit a template
     * in (CAMS: approved ones; Meta edits approved templates). The vendors document no code for
     * that refusal, so the client confirms a refusal it cannot classify with a read: a template
     * found in one of these statuses makes it a ConflictError with that status as `state`.
     * Absent: none known.
     */
    readonly update?: { readonly refusedStatuses?: readonly TemplateStatus[] };
    /** What the vendor's template wire accepts beyond WhatsApp's rules; `validateTemplateDraft` checks it. */
    readonly draftRules?: TemplateVendorRules;
  };
  /** The vendor's documented budget per operation, in requests per second; absent: none known. */
  readonly rateLimits: Readonly<Partial<Record<Operation, number>>>;
}
