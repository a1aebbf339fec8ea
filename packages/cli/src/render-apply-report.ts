import { type ApplyItemResult, type ApplyReport, BspError } from '@whatsapp-bsp/core';
import { itemLabel } from './render-plan.js';
import type { Style } from './style.js';
import { terminalSafe } from './terminal-text.js';

/** The statuses a template is under review in: created, but not usable yet. */
const UNDER_REVIEW = new Set(['PENDING', 'IN_APPEAL']);

/**
 * What an apply did, a line per item in the order they finished, then a summary: what failed
 * says why (the error class, the vendor's code and request id to quote to support); templates
 * Meta is still reviewing are said to be so.
 */
export function renderApplyReport(report: ApplyReport, style: Style): string {
  const lines = report.items.map((item) => itemLine(item, style));
  if (lines.length > 0) lines.push('');
  lines.push(applySummary(report, style));
  return lines.join('\n');
}

/** `Applied on cams: 3 created, …`, with what is under review and whether the run was stopped. */
export function applySummary(report: ApplyReport, style: Style): string {
  const { counts } = report;
  const parts = [
    `${counts.created} created`,
    `${counts.updated} updated`,
    `${counts.deleted} deleted`,
    counts.failed > 0 ? style.red(`${counts.failed} failed`) : '0 failed',
    ...(counts.skipped > 0 ? [style.yellow(`${counts.skipped} not attempted`)] : []),
  ];
  const reviewing = report.items.filter(
    (item) => item.reviewStatus !== undefined && UNDER_REVIEW.has(item.reviewStatus),
  ).length;
  const notes = [
    ...(report.aborted ? ['Stopped before the end: plan and apply again to finish.'] : []),
    ...(reviewing > 0
      ? [
          `${reviewing} template${reviewing === 1 ? ' is' : 's are'} still under Meta's review (not waited for; --wait waits).`,
        ]
      : []),
  ];
  return [`${style.bold(`Applied on ${report.provider}:`)} ${parts.join(', ')}.`, ...notes].join('\n');
}

function itemLine(item: ApplyItemResult, style: Style): string {
  const label = itemLabel(item);
  switch (item.status) {
    case 'failed':
      // The report's errors are class instances, which the output's terminal-safe copy keeps as they are.
      return style.red(`✗ ${item.action} ${label} failed: ${terminalSafe(errorText(item.error))}`);
    case 'skipped':
      return style.yellow(`· ${item.action} ${label}: not attempted`);
    default: {
      const review = item.reviewStatus === undefined ? '' : `, ${item.reviewStatus}`;
      const reconciled = item.reconciled ? style.dim(' (found applied after a lost answer)') : '';
      return `✓ ${item.status} ${label}${review}${reconciled}`;
    }
  }
}

/** The error as support needs it: class, message, vendor code and request id; never a stack. */
export function errorText(error: unknown): string {
  if (BspError.isInstance(error)) {
    const details = [
      error.vendorCode !== undefined ? `vendor code ${error.vendorCode}` : undefined,
      error.requestId !== undefined ? `request id ${error.requestId}` : undefined,
      error.outcome === 'unknown' ? 'it may have been applied' : undefined,
    ].filter((detail) => detail !== undefined);
    return `${error.name}: ${error.message}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
