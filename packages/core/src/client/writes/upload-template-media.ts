import { parseCallOptions } from '../../model/inputs/call-options.js';
import { parseTemplateMedia } from '../../model/inputs/template-media.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { TemplateMedia } from '../../model/template-writes.js';
import type { TemplateWriteContext } from './template-write-context.js';
import { requireProviderMethod } from './unsupported-write.js';

/**
 * `templates.uploadMedia`: checks the file (type and size, WhatsApp's header media limits) and
 * uploads it. Uploading the same file twice only leaves an unused copy at the vendor, so it is
 * retried like a read.
 */
export async function uploadTemplateMedia(
  context: TemplateWriteContext,
  input: unknown,
  options: unknown,
): Promise<WithMetadata<TemplateMedia>> {
  const { provider, runner } = context;
  const call = parseCallOptions(options);
  const doUploadMedia = requireProviderMethod(
    provider,
    'templates',
    'doUploadMedia',
    'templates.uploadMedia',
  );
  const request = parseTemplateMedia(input);
  const { mimeType, fileName, data } = request;
  return await runner.run(
    'templates.uploadMedia',
    // Hooks are told the size, not handed the file.
    { mimeType, fileName, bytes: data.byteLength },
    (attempt) => doUploadMedia(request, attempt),
    call,
  );
}
