import { z } from 'zod';
import { optionalTextSchema } from '../wire/nxcloud-wire-values.js';
import { lenientIdSchema } from './nxcloud-template-wire.js';

/*
 * The `data` of NXCloud's template writes, one schema per answer as each page documents it (the
 * nesting differs per endpoint). Built on first use, not at import.
 */

/**
 * createTemplate (and createTemplateAsync, whose answer is undocumented and read the same way):
 * `{ "id": "900xxx0755" }`, Meta's id of the new template. Meta's own answer adds `status` and
 * `category`; they are read when NXCloud passes them on.
 */
export const nxcloudCreatedTemplateWireSchema = z.lazy(() =>
  z.object({
    id: lenientIdSchema().pipe(z.string().min(1)),
    status: optionalTextSchema(),
    category: optionalTextSchema(),
  }),
);
export type NxcloudCreatedTemplateWire = z.output<typeof nxcloudCreatedTemplateWireSchema>;

/** updateTemplate: `{ "id": "…" }`, the id of the template edited; `status`/`category` as for create. */
export const nxcloudUpdatedTemplateWireSchema = z.lazy(() =>
  z.object({
    id: lenientIdSchema().pipe(z.string().min(1)).nullish(),
    status: optionalTextSchema(),
    category: optionalTextSchema(),
  }),
);

/** deleteTemplate: `{ "success": true }`. Anything else is not the answer the page documents. */
export const nxcloudDeletedTemplateWireSchema = z.lazy(() => z.object({ success: z.literal(true) }));

/** uploadTemplateFile: `{ "id": "4:Pz8xxxW8" }`, the handle for `example.header_handle`. */
export const nxcloudUploadedFileWireSchema = z.lazy(() => z.object({ id: z.string().min(1) }));
