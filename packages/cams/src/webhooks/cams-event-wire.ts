import { once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';

/*
 * CAMS's template review report (ChatAppAudit, CAMS's ChatAppAudit page), one item of the JSON array its HTTP
 * callback posts, in the vendor's PascalCase names. Built twice, like the answers of the reads:
 * the documented types, tried first (what CAMS sends), then a lenient form (ids as numbers,
 * `null` for absent) that decides the rest. Keys not listed are neither checked nor copied; the
 * event's `raw` is the report as received. Built on first use.
 */

function build(lenient: boolean) {
  const text = lenient ? z.union([z.string(), z.int().transform(String)]) : z.string();
  const optionalText = lenient ? text.nullish() : z.string().optional();
  return z.object({
    WabaId: optionalText,
    TemplateCode: lenient ? z.union([z.string().min(1), z.int().transform(String)]) : z.string().min(1),
    Language: z.string().min(1),
    AuditStatus: z.string(),
    /** Set when `AuditStatus` is `fail`: free text. */
    Reason: optionalText,
    /** The V2 format (ISV-managed WABAs): `template` for a review report. */
    Type: optionalText,
  });
}

export const camsAuditReportWireSchema = once(() => ({
  documented: build(false),
  lenient: build(true),
}));
