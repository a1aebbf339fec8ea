import { BspError } from '../../errors/bsp-error.js';
import { ConflictError, NotFoundError } from '../../errors/error-classes.js';
import { parseCallOptions } from '../../model/inputs/call-options.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import { parseTemplateDraftInput } from '../../model/inputs/template-draft-input.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { CreatedTemplate, TemplateWriteResult } from '../../model/template-writes.js';
import { checkTemplateDraft } from '../../validation/template-draft/template-validation-error.js';
import type { CallOptions, Reconcile } from '../pipeline/operation-runner.js';
import { conflictFromRefusal } from './conflict-from-refusal.js';
import { isUnclassifiedRefusal } from './is-unclassified-refusal.js';
import { templateMatchesDraft } from './template-draft-match.js';
import { lookUpTemplate } from './template-look-up.js';
import type { TemplateWriteContext } from './template-write-context.js';
import { createdFrom, readMetadata, withWarnings } from './template-write-result.js';
import { requireProviderMethod } from './unsupported-write.js';

/**
 * `templates.create`: checks the draft (shape, then WhatsApp's and the vendor's rules), sends it
 * once, and never sends it again blindly. After an unknown outcome the template is looked for by
 * name and language: found as asked is success (`$metadata.reconciled`), absent is sent again,
 * found otherwise is a ConflictError. A refusal the adapter could not explain is confirmed by the
 * same read: if the name and language are taken, it is a ConflictError.
 */
export async function createTemplate(
  context: TemplateWriteContext,
  input: unknown,
  options: unknown,
): Promise<WithMetadata<TemplateWriteResult>> {
  const { provider, runner } = context;
  const call = parseCallOptions(options);
  const doCreate = requireProviderMethod(provider, 'templates', 'doCreate', 'templates.create');
  const draft = parseTemplateDraftInput(input, 'templates.create');
  const warnings = checkTemplateDraft(draft, { provider });
  const request = { draft };
  try {
    const created = await runner.run(
      'templates.create',
      // Hooks get their own copy, so one cannot change what the adapter receives.
      { draft: structuredClone(draft) },
      (attempt) => doCreate(request, attempt),
      call,
      reconcileCreate(context, draft, call),
    );
    return withWarnings(created, warnings);
  } catch (error) {
    throw await confirmCreateRefusal(context, draft, error, call);
  }
}

/** After an unknown outcome: is the template there, as asked? */
function reconcileCreate(
  context: TemplateWriteContext,
  draft: TemplateDraft,
  call: CallOptions,
): Reconcile<CreatedTemplate> {
  return async (writeError) => {
    const { name, language } = draft;
    let found: Awaited<ReturnType<TemplateWriteContext['get']>>;
    try {
      found = await context.get({ name, language }, call);
    } catch (error) {
      if (NotFoundError.isInstance(error)) return { applied: false };
      throw error;
    }
    if (!templateMatchesDraft(found, draft)) {
      throw new ConflictError(
        `${context.provider.id} has a template '${name}' (${language}) with other content than the draft; the create, whose answer was lost, was not sent again`,
        { provider: context.provider.id, state: found.status, cause: writeError },
      );
    }
    return { applied: true, result: { value: createdFrom(found), ...readMetadata(found.$metadata) } };
  };
}

/**
 * A refusal that may mean "this name and language are taken" becomes a ConflictError carrying the
 * existing template's status when a read finds it; otherwise the refusal stands. A ConflictError
 * from the adapter without a state gets the state the same way.
 */
async function confirmCreateRefusal(
  context: TemplateWriteContext,
  draft: TemplateDraft,
  error: unknown,
  call: CallOptions,
): Promise<unknown> {
  if (!BspError.isInstance(error)) return error;
  const stateless = ConflictError.isInstance(error) && error.state === undefined;
  if (!stateless && !isUnclassifiedRefusal(error)) return error;
  const { name, language } = draft;
  const lookUp = await lookUpTemplate(context, { name, language }, call);
  if (lookUp.state !== 'found') return error;
  const { status } = lookUp.template;
  return conflictFromRefusal(
    error,
    `${context.provider.id} refused to create template '${name}' (${language}): a template with that name and language exists, in status ${status}`,
    { state: status },
  );
}
