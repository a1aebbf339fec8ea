import { compact } from '../compact.js';
import type { EmulatorFlow } from '../model.js';

/*
 * Store flows in NXCloud's wire format: Meta's snake_case field names passed through, in the
 * field order of the vendor's queryFlowById example. Absent fields are left out.
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-queryFlowsById
 */

type Json = Record<string, unknown>;

/** `2024-01-13T10:03:53+0000`: ISO-8601 with a colon-less offset, as NXCloud and Meta send it. */
export function nxcloudTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+0000`;
}

export function nxcloudPreview(preview: { url: string; expiresAt: number }): Json {
  return { preview_url: preview.url, expires_at: nxcloudTimestamp(preview.expiresAt) };
}

/** A flow as queryFlowById returns it. */
export function nxcloudFlow(flow: EmulatorFlow): Json {
  return compact({
    id: flow.id,
    name: flow.name,
    categories: flow.categories,
    preview: flow.preview && nxcloudPreview(flow.preview),
    status: flow.status,
    validation_errors: flow.validationErrors.map(nxcloudValidationError),
    json_version: flow.jsonVersion,
    data_api_version: flow.dataApiVersion,
    endpoint_uri: flow.endpointUri,
    whatsapp_business_account: flow.whatsappBusinessAccountId,
    application: flow.application && compact({ ...flow.application }),
  });
}

/** A flow as queryFlowsByPhone lists it: the fields Meta's flow list returns by default. */
export function nxcloudFlowListItem(flow: EmulatorFlow): Json {
  return {
    id: flow.id,
    name: flow.name,
    status: flow.status,
    categories: flow.categories,
    validation_errors: flow.validationErrors.map(nxcloudValidationError),
  };
}

/** A validation error in Meta's snake_case shape, as queryFlowById and updateFlowJson return them. */
export function nxcloudValidationError(error: EmulatorFlow['validationErrors'][number]): Json {
  return compact({
    error: error.error,
    error_type: error.errorType,
    message: error.message,
    line_start: error.lineStart,
    line_end: error.lineEnd,
    column_start: error.columnStart,
    column_end: error.columnEnd,
    pointers: error.pointers?.map((pointer) =>
      compact({
        line_start: pointer.lineStart,
        line_end: pointer.lineEnd,
        column_start: pointer.columnStart,
        column_end: pointer.columnEnd,
        path: pointer.path,
      }),
    ),
  });
}
