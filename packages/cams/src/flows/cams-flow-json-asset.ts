import { createHash } from 'node:crypto';
import type { Asset } from '../assets/asset-uploader.js';

/** Hex digits of the content's SHA-256 in the file name: 64 bits, no collision in practice. */
const HASH_PREFIX_LENGTH = 16;

/**
 * The file UpdateFlowJSONAsset is pointed at: `flow-<FlowId>-<sha256 prefix>.json`, the Flow JSON
 * as UTF-8. The content's hash is in the name so that each version of a flow's JSON has a URL of
 * its own: CAMS fetches the URL when it is called, and a cache between it and the file could
 * otherwise hand it the previous version; the same JSON sent again lands on the same name, so a
 * retry leaves no extra file. Characters of the id that are not safe in an object key become `_`.
 */
export function flowJsonAsset(flowId: string, text: string): Asset {
  const data = new TextEncoder().encode(text);
  const hash = createHash('sha256').update(data).digest('hex').slice(0, HASH_PREFIX_LENGTH);
  const safeId = flowId.replace(/[^A-Za-z0-9_-]/g, '_');
  return { data, fileName: `flow-${safeId}-${hash}.json`, mimeType: 'application/json' };
}
