import type { TemplateDraftIssue } from '../validation/template-draft/template-issues.js';
import type { Template } from './template.js';

/**
 * What a vendor reports about a template it has just accepted: its id and identity, and the
 * status it starts in (`PENDING` while Meta reviews it, unless the vendor says otherwise).
 */
export type CreatedTemplate = Pick<Template, 'id' | 'name' | 'language' | 'category' | 'status'>;

/**
 * What `templates.create` and `templates.update` return: the template as the vendor reports it,
 * and the warnings offline validation found in the draft (errors would have stopped the call).
 */
export type TemplateWriteResult = CreatedTemplate & { warnings: TemplateDraftIssue[] };

/**
 * One template `templates.delete` removed. `language` is absent when the vendor deleted every
 * language of the name in one call (NXCloud); `id` is set when the client knew it.
 */
export interface DeletedTemplate {
  /** The template's name. */
  name: string;
  /** The language deleted; absent when every language of the name was. */
  language?: string;
  /** The vendor's id of the template deleted, when the client read it. */
  id?: string;
}

/** What `templates.delete` returns: every template it removed. */
export interface TemplateDeletion {
  /** In the order they were deleted. */
  deleted: DeletedTemplate[];
}

/**
 * A sample media file for a template header, as the vendor takes it back in a draft: NXCloud
 * gives an upload handle (`example.headerHandle`), CAMS a URL of the hosted file
 * (`example.headerUrl`).
 */
export type TemplateMedia = { readonly handle: string } | { readonly url: string };
