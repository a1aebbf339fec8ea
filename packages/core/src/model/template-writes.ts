import type { Template } from './template.js';

/**
 * What a vendor reports about a template it has just accepted: its id and identity, and the
 * status it starts in (`PENDING` while Meta reviews it, unless the vendor says otherwise).
 */
export type CreatedTemplate = Pick<Template, 'id' | 'name' | 'language' | 'category' | 'status'>;

/**
 * A sample media file for a template header, as the vendor takes it back in a draft: NXCloud
 * gives an upload handle (`example.headerHandle`), CAMS a URL of the hosted file
 * (`example.headerUrl`).
 */
export type TemplateMedia = { readonly handle: string } | { readonly url: string };
