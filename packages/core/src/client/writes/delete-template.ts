import { NotFoundError, UnsupportedOperationError } from '../../errors/error-classes.js';
import { parseCallOptions } from '../../model/inputs/call-options.js';
import { parseTemplateDeleteReference } from '../../model/inputs/template-delete-reference.js';
import { attachMetadata, type ResponseMetadata, type WithMetadata } from '../../model/metadata.js';
import type { TemplateSummary } from '../../model/template.js';
import type { DeletedTemplate, TemplateDeletion } from '../../model/template-writes.js';
import type { ProviderCallContext, ProviderResult } from '../../provider/call-context.js';
import type { DeleteTemplateRequest } from '../../provider/requests.js';
import type { CallOptions, Reconcile } from '../pipeline/operation-runner.js';
import { notFoundFromRefusal } from './conflict-from-refusal.js';
import { isUnclassifiedRefusal } from './is-unclassified-refusal.js';
import { lookUpTemplate } from './template-look-up.js';
import type { TemplateWriteContext } from './template-write-context.js';
import { requireProviderMethod, unsupportedWrite } from './unsupported-write.js';

type DoDelete = (
  request: DeleteTemplateRequest,
  context: ProviderCallContext,
) => Promise<ProviderResult<object>>;

/** Both scopes, for a provider whose capabilities do not say. */
const EVERY_SCOPE = ['name', 'language'] as const;

/**
 * `templates.delete`, in the scopes the vendor deletes in (`capabilities.templates.delete.scopes`):
 *
 * - `{ name }`: one call where the vendor deletes every language of a name; where it deletes one
 *   template at a time, every template of that name is listed first (filtered by name where the
 *   vendor can), then each is deleted. None found: NotFoundError.
 * - `{ name, language }`, `{ id }`: the template is read first (for the vendor's id, or its name and
 *   language), then deleted; where the vendor only deletes whole names, UnsupportedOperationError
 *   before anything is sent.
 *
 * A delete is idempotent: retried like a read, and after an unknown attempt a "not found", or a
 * read that no longer finds the template, is success (`$metadata.reconciled`). A refusal the
 * adapter cannot classify is confirmed by a look-up: nothing of that name (or name and language)
 * is a NotFoundError on every vendor.
 */
export async function deleteTemplate(
  context: TemplateWriteContext,
  referenceInput: unknown,
  options: unknown,
): Promise<WithMetadata<TemplateDeletion>> {
  const { provider } = context;
  const call = parseCallOptions(options);
  const doDelete = requireProviderMethod(provider, 'templates', 'doDelete', 'templates.delete');
  const reference = parseTemplateDeleteReference(referenceInput);
  const scopes: readonly string[] = provider.capabilities.templates.delete?.scopes ?? EVERY_SCOPE;
  if (!('id' in reference) && !('language' in reference)) {
    if (scopes.includes('name')) return deleteOne(context, doDelete, { scope: 'name', ...reference }, call);
    if (scopes.includes('language')) return deleteEveryLanguage(context, doDelete, reference.name, call);
  } else if (scopes.includes('language')) {
    const template = await context.get(reference, call);
    const { id, name, language } = template;
    return deleteOne(context, doDelete, { scope: 'language', id, name, language }, call);
  } else if (scopes.includes('name')) {
    throw new UnsupportedOperationError(
      `${provider.id} deletes every language of a template name at once, so it cannot delete one language or one template id; delete { name } to remove every language of the name`,
      { provider: provider.id, field: 'id' in reference ? 'id' : 'language' },
    );
  }
  throw unsupportedWrite(provider, 'templates.delete');
}

async function deleteOne(
  context: TemplateWriteContext,
  doDelete: DoDelete,
  request: DeleteTemplateRequest,
  call: CallOptions,
): Promise<WithMetadata<TemplateDeletion>> {
  let result: WithMetadata<object>;
  try {
    result = await context.runner.run(
      'templates.delete',
      { ...request },
      (attempt) => doDelete(request, attempt),
      call,
      reconcileDelete(context, request, call),
    );
  } catch (error) {
    throw await confirmDeleteRefusal(context, request, error, call);
  }
  return attachMetadata({ deleted: [deletedEntry(request)] }, result.$metadata);
}

/**
 * A refusal the adapter could not explain (NXCloud relays "does not exist" as a plain failure) is
 * confirmed by looking the template up — every template of the name for a whole-name delete, the
 * template for one language —: none there makes it a NotFoundError with the refusal as `cause`,
 * as on a vendor that says "not found" itself. Otherwise, or when the look-up fails, the refusal
 * stands.
 */
async function confirmDeleteRefusal(
  context: TemplateWriteContext,
  request: DeleteTemplateRequest,
  error: unknown,
  call: CallOptions,
): Promise<unknown> {
  if (!isUnclassifiedRefusal(error)) return error;
  const { provider } = context;
  let absent: boolean;
  if (request.scope === 'name') {
    try {
      absent = (await templatesNamed(context, request.name, call)).length === 0;
    } catch {
      if (call.signal?.aborted) throw call.signal.reason;
      return error;
    }
  } else {
    const { name, language } = request;
    absent = (await lookUpTemplate(context, { name, language }, call)).state === 'absent';
  }
  if (!absent) return error;
  const what =
    request.scope === 'name'
      ? `no template named '${request.name}'`
      : `no template '${request.name}' (${request.language})`;
  return notFoundFromRefusal(error, `${provider.id} has ${what} (the vendor said: ${error.message})`, 'name');
}

/**
 * Every language of a name, on a vendor that deletes one template at a time. The whole list is
 * read before the first delete: deleting while paging would shift the vendor's pages and skip
 * templates.
 */
async function deleteEveryLanguage(
  context: TemplateWriteContext,
  doDelete: DoDelete,
  name: string,
  call: CallOptions,
): Promise<WithMetadata<TemplateDeletion>> {
  const { provider } = context;
  const templates = await templatesNamed(context, name, call);
  if (templates.length === 0) {
    throw new NotFoundError(`${provider.id} has no template named '${name}'`, {
      provider: provider.id,
      field: 'name',
    });
  }
  const deleted: DeletedTemplate[] = [];
  const metadata: ResponseMetadata[] = [];
  for (const { id, language } of templates) {
    const result = await deleteOne(context, doDelete, { scope: 'language', id, name, language }, call);
    deleted.push(...result.deleted);
    metadata.push(result.$metadata);
  }
  return attachMetadata({ deleted }, combinedMetadata(provider.id, metadata));
}

/** Every template of exactly this name (a vendor's name filter may match more than the name). */
async function templatesNamed(
  context: TemplateWriteContext,
  name: string,
  call: CallOptions,
): Promise<TemplateSummary[]> {
  const { list } = context.provider.capabilities.templates;
  const query = {
    ...call,
    pageSize: list.maxPageSize,
    ...(list.filters.includes('name') && { name }),
  };
  const found = new Map<string, TemplateSummary>();
  for await (const template of context.list(query)) {
    if (template.name === name && !found.has(template.id)) found.set(template.id, template);
  }
  return [...found.values()];
}

/** After an unknown attempt: a "not found", or a read that finds nothing, means it was deleted. */
function reconcileDelete(
  context: TemplateWriteContext,
  request: DeleteTemplateRequest,
  call: CallOptions,
): Reconcile<object> {
  const deleted = { applied: true, result: { value: {} } } as const;
  return async (error) => {
    if (NotFoundError.isInstance(error)) return deleted;
    if (request.scope === 'name') {
      return (await templatesNamed(context, request.name, call)).length === 0 ? deleted : { applied: false };
    }
    try {
      await context.get({ name: request.name, language: request.language }, call);
      return { applied: false };
    } catch (readError) {
      if (NotFoundError.isInstance(readError)) return deleted;
      throw readError;
    }
  };
}

function deletedEntry(request: DeleteTemplateRequest): DeletedTemplate {
  if (request.scope === 'name') return { name: request.name };
  return { name: request.name, language: request.language, id: request.id };
}

/**
 * The `$metadata` of several deletes made for one call: attempts and retry delays add up, the
 * request id is the last delete's, and the call is reconciled if any delete was.
 */
function combinedMetadata(provider: string, parts: readonly ResponseMetadata[]): ResponseMetadata {
  const last = parts.at(-1);
  return {
    provider,
    ...(last?.requestId !== undefined && { requestId: last.requestId }),
    ...(last?.httpStatusCode !== undefined && { httpStatusCode: last.httpStatusCode }),
    attempts: parts.reduce((sum, part) => sum + part.attempts, 0),
    totalRetryDelayMs: parts.reduce((sum, part) => sum + part.totalRetryDelayMs, 0),
    ...(parts.some((part) => part.reconciled) && { reconciled: true as const }),
  };
}
