import { templateParameterFormat } from '../../adapter/template-parameter-format.js';
import { NotFoundError } from '../../errors/error-classes.js';
import { parseCallOptions } from '../../model/inputs/call-options.js';
import { parseTemplateChanges } from '../../model/inputs/template-changes.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import { parseTemplateReference } from '../../model/inputs/template-reference.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { TemplateCategory } from '../../model/template.js';
import type { TemplateComponent } from '../../model/template-component.js';
import type { CreatedTemplate, TemplateWriteResult } from '../../model/template-writes.js';
import type { UpdateTemplateRequest } from '../../provider/requests.js';
import { checkTemplateDraft } from '../../validation/template-draft/template-validation-error.js';
import type { CallOptions, Reconcile } from '../pipeline/operation-runner.js';
import { conflictFromRefusal } from './conflict-from-refusal.js';
import { isUnclassifiedRefusal } from './is-unclassified-refusal.js';
import { templateMatchesDraft } from './template-draft-match.js';
import { lookUpTemplate } from './template-look-up.js';
import type { TemplateWriteContext } from './template-write-context.js';
import { createdFrom, readMetadata, withWarnings } from './template-write-result.js';
import { requireProviderMethod } from './unsupported-write.js';

type Identity = { readonly name: string; readonly language: string };

/**
 * `templates.update`: reads the template first (the vendors edit by their own id, or by code,
 * name and language), makes the draft the changes give it (its name and language, the category
 * asked for or its current one), checks that draft offline, and sends the edit. An edit is
 * idempotent: it is retried like a read, and after an unknown outcome a read that finds the
 * template as asked is success (`$metadata.reconciled`). A refusal the adapter could not explain
 * is confirmed by a read: a template gone meanwhile is a NotFoundError, one in a status the vendor
 * does not edit (`capabilities.templates.update.refusedStatuses`) a ConflictError with that status.
 */
export async function updateTemplate(
  context: TemplateWriteContext,
  referenceInput: unknown,
  changesInput: unknown,
  options: unknown,
): Promise<WithMetadata<TemplateWriteResult>> {
  const { provider, runner } = context;
  const call = parseCallOptions(options);
  const doUpdate = requireProviderMethod(provider, 'templates', 'doUpdate', 'templates.update');
  const reference = parseTemplateReference(referenceInput, 'templates.update');
  const changes = parseTemplateChanges(changesInput);
  const current = await context.get(reference, call);
  const identity: Identity = { name: current.name, language: current.language };
  const draft: TemplateDraft = {
    ...identity,
    category: changes.category ?? current.category,
    components: changes.components,
  };
  // The variables the new components use say the format, whatever the template used before.
  const parameterFormat = templateParameterFormat(undefined, draft.components as TemplateComponent[]);
  if (parameterFormat !== undefined) draft.parameterFormat = parameterFormat;
  if (changes.messageSendTtlSeconds !== undefined)
    draft.messageSendTtlSeconds = changes.messageSendTtlSeconds;
  const warnings = checkTemplateDraft(draft, { provider });
  const request: UpdateTemplateRequest = {
    id: current.id,
    ...identity,
    // The rules refuse UNKNOWN: a template of an unknown category needs `category` in the changes.
    category: draft.category as Exclude<TemplateCategory, 'UNKNOWN'>,
    components: draft.components,
    ...(draft.messageSendTtlSeconds !== undefined && { messageSendTtlSeconds: draft.messageSendTtlSeconds }),
  };
  try {
    const updated = await runner.run(
      'templates.update',
      structuredClone({ ...request }),
      (attempt) => doUpdate(request, attempt),
      call,
      reconcileUpdate(context, identity, draft, call),
    );
    return withWarnings(updated, warnings);
  } catch (error) {
    throw await confirmUpdateRefusal(context, identity, error, call);
  }
}

/** After an unknown attempt: does the template read as the update asked? */
function reconcileUpdate(
  context: TemplateWriteContext,
  identity: Identity,
  draft: TemplateDraft,
  call: CallOptions,
): Reconcile<CreatedTemplate> {
  return async () => {
    const found = await context.get(identity, call);
    if (!templateMatchesDraft(found, draft)) return { applied: false };
    return { applied: true, result: { value: createdFrom(found), ...readMetadata(found.$metadata) } };
  };
}

/**
 * A refusal the adapter could not explain, confirmed by a read: the template gone is a
 * NotFoundError; the template in a status the vendor does not edit templates in
 * (`capabilities.templates.update.refusedStatuses`) is a ConflictError with that status as
 * `state`. Either way the vendor's refusal is the `cause`. Otherwise, or when the read fails, the
 * refusal stands.
 */
async function confirmUpdateRefusal(
  context: TemplateWriteContext,
  { name, language }: Identity,
  error: unknown,
  call: CallOptions,
): Promise<unknown> {
  if (!isUnclassifiedRefusal(error)) return error;
  const lookUp = await lookUpTemplate(context, { name, language }, call);
  const { provider } = context;
  if (lookUp.state === 'found') {
    const { status } = lookUp.template;
    const refused = provider.capabilities.templates.update?.refusedStatuses ?? [];
    if (!refused.includes(status)) return error;
    return conflictFromRefusal(
      error,
      `${provider.id} refused to edit template '${name}' (${language}): it is ${status}, and ${provider.id} does not edit templates in that status (the vendor said: ${error.message})`,
      { state: status },
    );
  }
  if (lookUp.state !== 'absent') return error;
  const notFound = new NotFoundError(
    `${context.provider.id} has no template '${name}' (${language}) any more: it was deleted before the update reached it`,
    {
      provider: context.provider.id,
      cause: error,
      ...(error.requestId !== undefined && { requestId: error.requestId }),
    },
  );
  notFound.attempts = error.attempts;
  return notFound;
}
