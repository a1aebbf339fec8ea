import type { TemplateListQuery } from '../../model/inputs/list-query.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { Template, TemplateSummary } from '../../model/template.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import type { GetTemplateRequest } from '../../provider/requests.js';
import type { Paginated } from '../pagination/paginated.js';
import type { CallOptions, OperationRunner } from '../pipeline/operation-runner.js';

/**
 * What the template writes need of the client: the provider, the runner every request goes
 * through, and the resource's own reads (a get that scans where the vendor cannot get by id, a
 * list that pages), so a write reads exactly as `templates.get` and `templates.list` do.
 */
export interface TemplateWriteContext {
  readonly provider: ProviderV1;
  readonly runner: OperationRunner;
  /** `templates.get` on an already checked reference. */
  get(request: GetTemplateRequest, call: CallOptions): Promise<WithMetadata<Template>>;
  /** `templates.list` on an already checked query. */
  list(query: TemplateListQuery): Paginated<TemplateSummary>;
}
