import type { Flow, FlowPreview, FlowSummary, Page, Template, TemplateSummary } from '@whatsapp-bsp/core';
import {
  camsGetFlowAnswerSchema,
  camsGetFlowPreviewAnswerSchema,
  camsListFlowAnswerSchema,
} from './flows/cams-flow-wire.js';
import { mapCamsFlow, mapCamsFlowPreview, mapCamsFlowSummary } from './flows/map-cams-flow.js';
import {
  camsGetTemplateAnswerSchema,
  camsListTemplatesAnswerSchema,
} from './templates/cams-template-wire.js';
import { mapCamsTemplate, mapCamsTemplateSummary } from './templates/map-cams-template.js';
import { nextCursor } from './transport/cams-page.js';
import type { CamsAnswer } from './transport/cams-transport.js';
import { parseWire } from './transport/cams-wire-values.js';

/*
 * From one successful answer to the normalized value: the wire schema, then the mapper. Every
 * entity's `raw` is the vendor's object exactly as received, not the parsed copy.
 */

/** The page being decoded: its index and the size asked for. */
export interface PageRequest {
  readonly index: number;
  readonly size: number;
}

function rawItems(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function decodeFlow(answer: CamsAnswer): Flow {
  const wire = parseWire(camsGetFlowAnswerSchema, answer, 'GetFlow');
  return mapCamsFlow(wire.Data, answer.body.Data);
}

export function decodeFlowPage(answer: CamsAnswer, page: PageRequest): Page<FlowSummary> {
  const wire = parseWire(camsListFlowAnswerSchema, answer, 'ListFlow');
  const items = wire.Data ?? [];
  const raw = rawItems(answer.body.Data);
  return {
    items: items.map((item, i) => mapCamsFlowSummary(item, raw[i])),
    // No total on ListFlow: another page exists while this one came back full.
    ...nextCursor(page, items.length >= page.size),
  };
}

export function decodeFlowPreview(answer: CamsAnswer, requestedId: string): FlowPreview {
  const wire = parseWire(camsGetFlowPreviewAnswerSchema, answer, 'GetFlowPreviewUrl');
  return mapCamsFlowPreview(wire.Data, answer.body.Data, requestedId);
}

export function decodeTemplatePage(answer: CamsAnswer, page: PageRequest): Page<TemplateSummary> {
  const wire = parseWire(camsListTemplatesAnswerSchema, answer, 'ListChatappTemplate');
  const items = wire.ListTemplate ?? [];
  const raw = rawItems(answer.body.ListTemplate);
  const total = wire.Total;
  // An empty page ends the list whatever Total says; without a Total (undocumented, but cheap to
  // survive), a full page means more.
  const hasNext =
    items.length > 0 && (total === undefined ? items.length >= page.size : page.index * page.size < total);
  return {
    items: items.map((item, i) => mapCamsTemplateSummary(item, raw[i])),
    ...nextCursor(page, hasNext),
    ...(total !== undefined && { total }),
  };
}

export function decodeTemplate(answer: CamsAnswer, requestedLanguage: string): Template {
  const wire = parseWire(camsGetTemplateAnswerSchema, answer, 'GetChatappTemplateDetail');
  return mapCamsTemplate(wire.Data, answer.body.Data, requestedLanguage);
}
