import { InvalidRequestError } from '@whatsapp-bsp/core';

/*
 * CAMS addresses a template by its TemplateCode *and* a language (one code exists in several
 * languages), and GetChatappTemplateDetail refuses a request without `Language`. So the ids this
 * adapter hands out are `<TemplateCode>:<Language>`: unique across a list, and enough on their own
 * for `templates.get({ id })`. The bare TemplateCode stays in `raw.TemplateCode`.
 */

const SEPARATOR = ':';

export function camsTemplateId(templateCode: string, language: string): string {
  return `${templateCode}${SEPARATOR}${language}`;
}

/**
 * Language codes hold no colon, so the last one separates them from the code. Neither part is
 * trimmed: an id with white space around either part is not one this adapter handed out.
 */
export function parseCamsTemplateId(id: string): { templateCode: string; language: string } {
  const at = id.lastIndexOf(SEPARATOR);
  const templateCode = id.slice(0, at);
  const language = id.slice(at + 1);
  if (at < 0 || !isIdentifierPart(templateCode) || !isIdentifierPart(language)) {
    throw new InvalidRequestError(
      'A CAMS template id has the form `<TemplateCode>:<Language>`, as templates.list returns it, ' +
        'because CAMS needs the language to fetch a template; pass such an id, or { name, language }',
      { provider: 'cams', field: 'id' },
    );
  }
  return { templateCode, language };
}

function isIdentifierPart(part: string): boolean {
  return part !== '' && part.trim() === part;
}
