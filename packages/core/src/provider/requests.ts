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
