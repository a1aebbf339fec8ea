import { type Flow, ResponseFormatError, type Template } from '@whatsapp-bsp/core';
import { parseWire, type WireMismatch } from '@whatsapp-bsp/core/adapter';
import { flowFromWire } from './flows/map-nxcloud-flow.js';
import { nxcloudFlowWireSchema } from './flows/nxcloud-flow-wire.js';
import { NXCLOUD_PROVIDER_ID } from './nxcloud-id.js';
import { templateFromWire } from './templates/map-nxcloud-template.js';
import { nxcloudTemplateWireSchema } from './templates/nxcloud-template-wire.js';

/*
 * NXCloud payloads obtained without this adapter (a stored answer, a proxy's log), decoded the way
 * the adapter decodes its own answers: parsed by the wire schema, then mapped.
 */

/**
 * One flow object as queryFlowById answers it; `raw` is the value itself.
 *
 * @throws ResponseFormatError when it is not a flow as NXCloud documents it.
 */
export function mapNxcloudFlow(value: unknown): Flow {
  return flowFromWire(parseWire(nxcloudFlowWireSchema, value, mismatchIn('a flow', value)), value);
}

/**
 * One template object as getTemplate lists it; `raw` is the value itself.
 *
 * @throws ResponseFormatError when it is not a template as NXCloud documents it.
 */
export function mapNxcloudTemplate(value: unknown): Template {
  return templateFromWire(
    parseWire(nxcloudTemplateWireSchema, value, mismatchIn('a template', value)),
    value,
  );
}

function mismatchIn(what: string, value: unknown) {
  return (detail: WireMismatch) => {
    const where = detail.path === '' ? '' : ` at \`${detail.path}\``;
    return new ResponseFormatError(`NXCloud ${what} in an undocumented shape${where}: ${detail.message}`, {
      provider: NXCLOUD_PROVIDER_ID,
      raw: value,
    });
  };
}
