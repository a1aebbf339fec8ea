import type { WebhookEvent } from '@whatsapp-bsp/core';
import type { Style } from './style.js';

/** One line per event: when, which vendor, what kind, and what it says. */
export function renderWebhookEvent(event: WebhookEvent, style: Style): string {
  const when = style.dim(event.occurredAt.toISOString());
  return `${when}  ${event.provider.padEnd(7)}  ${event.type.padEnd(19)}  ${detail(event, style).replace(/\s*\n\s*/g, ' ')}`;
}

function detail(event: WebhookEvent, style: Style): string {
  switch (event.type) {
    case 'template.status': {
      const { templateRef: ref, status, previousStatus, reason, reasonText } = event;
      const colour = status === 'REJECTED' ? style.red : status === 'APPROVED' ? style.cyan : style.yellow;
      const from = previousStatus ? `${previousStatus} -> ` : '';
      const why = reason && reason !== 'NONE' ? `  (${reasonText ?? reason})` : '';
      return `${ref.name ?? ref.id} ${ref.language}  ${from}${style.bold(colour(status))}${why}`;
    }
    case 'template.quality':
      return `${event.templateRef.name ?? event.templateRef.id} ${event.templateRef.language}  quality ${event.qualityScore}`;
    case 'template.category':
      return `${event.templateRef.name ?? event.templateRef.id} ${event.templateRef.language}  category ${event.category}`;
    case 'flow.status':
      return `flow ${event.flowId}  ${event.previousStatus ? `${event.previousStatus} -> ` : ''}${style.bold(event.status)}`;
    case 'flow.endpoint_alert':
      return `flow ${event.flowId}  endpoint alert ${event.alertState}`;
    case 'unknown':
      return event.vendorEvent ?? 'an event whatsapp-bsp does not know';
  }
}
