import type { FlowCategory } from '../model/flow.js';
import type { TemplateDraft } from '../model/inputs/template-draft.js';
import type { TemplateCategory, TemplateStatus } from '../model/template.js';

/*
 * What the client hands an adapter's `do*` methods. Every value has been validated by the client
 * (see `model/inputs/`), once, the same way for every vendor; adapters check only what is
 * specific to their wire format.
 */

export interface GetFlowRequest {
  readonly id: string;
}

export interface ListRequest {
  /** Already validated against the capabilities' `maxPageSize`. */
  readonly pageSize: number;
  /** The vendor's own cursor, already checked to belong to this provider. */
  readonly cursor?: string;
}

export type ListFlowsRequest = ListRequest;

/** Only filters the capabilities list are ever set. */
export interface ListTemplatesRequest extends ListRequest {
  readonly name?: string;
  readonly language?: string;
  readonly status?: Exclude<TemplateStatus, 'UNKNOWN'>;
  readonly category?: Exclude<TemplateCategory, 'UNKNOWN'>;
}

export type GetTemplateRequest =
  | { readonly id: string }
  | { readonly name: string; readonly language: string };

/*
 * Writes. The client has validated each draft (`validateTemplateDraft`, with the vendor's rules)
 * and each Flow JSON (`validateFlowJson`) before an adapter sees it.
 */

export interface CreateTemplateRequest {
  readonly draft: TemplateDraft;
}

/**
 * An edit of an existing template. The client has resolved the caller's reference to the
 * template, so the vendor's id and the template's name and language are all known.
 */
export interface UpdateTemplateRequest {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  /** The category asked for, or the template's current one. */
  readonly category: Exclude<TemplateCategory, 'UNKNOWN'>;
  readonly components: TemplateDraft['components'];
  /** In seconds; `-1`: Meta's default of 30 days. */
  readonly messageSendTtlSeconds?: number;
}

/**
 * A delete in one of the scopes of `capabilities.templates.delete.scopes`: every language of a
 * name, or one template (its id, name and language all resolved by the client).
 */
export type DeleteTemplateRequest =
  | { readonly scope: 'name'; readonly name: string }
  | { readonly scope: 'language'; readonly id: string; readonly name: string; readonly language: string };

export interface UploadTemplateMediaRequest {
  readonly data: Uint8Array;
  /** e.g. `image/png`, `video/mp4`, `application/pdf`. */
  readonly mimeType: string;
  readonly fileName: string;
}

export interface CreateFlowRequest {
  readonly name: string;
  readonly categories: readonly Exclude<FlowCategory, 'UNKNOWN'>[];
  readonly endpointUri?: string;
  readonly cloneFlowId?: string;
}

/** Only the fields the caller gave are set; at least one is. */
export interface UpdateFlowRequest {
  readonly id: string;
  readonly name?: string;
  readonly categories?: readonly Exclude<FlowCategory, 'UNKNOWN'>[];
  readonly endpointUri?: string;
}

export interface UpdateFlowJsonRequest {
  readonly id: string;
  /** The Flow JSON as the bytes to upload (UTF-8 text); already checked by `validateFlowJson`. */
  readonly text: string;
}
