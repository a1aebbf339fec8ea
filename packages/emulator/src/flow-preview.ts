import { createHash } from 'node:crypto';
import type { EmulatorFlow } from './model.js';

/** How long a preview link made on request stays valid. */
const PREVIEW_LIFETIME_MS = 30 * 24 * 3600 * 1000;

/**
 * The flow's stored preview link, or, for a flow stored without one, a link made now, as the
 * vendors make one on request.
 */
export function previewOf(flow: EmulatorFlow, nowMs: number): { url: string; expiresAt: number } {
  if (flow.preview) return flow.preview;
  const token = createHash('sha256').update(`${flow.id}:${nowMs}`).digest('hex');
  const uuid = `${token.slice(0, 8)}-${token.slice(8, 12)}-${token.slice(12, 16)}-${token.slice(16, 20)}-${token.slice(20, 32)}`;
  return {
    url: `https://business.facebook.com/wa/manage/flows/${flow.id}/preview/?token=${uuid}`,
    expiresAt: nowMs + PREVIEW_LIFETIME_MS,
  };
}
