import { createHash } from 'node:crypto';
import type { EmulatorFlow } from '../model.js';
import { uuidFromHex } from './random.js';

/** How long a preview link made on request stays valid. */
const PREVIEW_LIFETIME_MS = 30 * 24 * 3600 * 1000;

/**
 * The flow's stored preview link, or, for a flow stored without one, a link made now, as the
 * vendors make one on request.
 */
export function previewOf(flow: EmulatorFlow, nowMs: number): { url: string; expiresAt: number } {
  if (flow.preview) return flow.preview;
  const token = createHash('sha256').update(`${flow.id}:${nowMs}`).digest('hex');
  return {
    url: `https://business.facebook.com/wa/manage/flows/${flow.id}/preview/?token=${uuidFromHex(token)}`,
    expiresAt: nowMs + PREVIEW_LIFETIME_MS,
  };
}
