import { NotFoundError } from '../../errors/error-classes.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { Template } from '../../model/template.js';
import type { GetTemplateRequest } from '../../provider/requests.js';
import type { CallOptions } from '../pipeline/operation-runner.js';
import type { TemplateWriteContext } from './template-write-context.js';

/** What a read made to confirm a refusal found: the template, its absence, or nothing certain. */
export type TemplateLookUp =
  | { readonly state: 'found'; readonly template: WithMetadata<Template> }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown' };

/**
 * Reads a template to learn what became of a refused write. A failed read is not an
 * answer (`unknown`): the caller then reports the write's own error. Only an abort of the call
 * itself is thrown.
 */
export async function lookUpTemplate(
  context: TemplateWriteContext,
  request: GetTemplateRequest,
  call: CallOptions,
): Promise<TemplateLookUp> {
  try {
    return { state: 'found', template: await context.get(request, call) };
  } catch (error) {
    if (call.signal?.aborted) throw call.signal.reason;
    return NotFoundError.isInstance(error) ? { state: 'absent' } : { state: 'unknown' };
  }
}
