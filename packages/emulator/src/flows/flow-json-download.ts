import type { VendorRequest, VendorResponse } from '../server/vendor-protocol.js';
import type { FlowLifecycle } from './flow-lifecycle.js';

/**
 * The download link of a flow's Flow JSON. Meta answers a flow's assets with a `download_url` on
 * its own file servers, and CAMS's GetFlowJSONAssest with a `FilePath` URL; the emulator serves
 * both itself, on the origin of the vendor server that handed the link out, to anyone (as those
 * pre-signed links are), counted and faulted as the operation `downloadFlowJson`.
 */
export const FLOW_JSON_DOWNLOAD_OPERATION = 'downloadFlowJson';

const DOWNLOAD_PATH = /^\/assets\/flows\/([^/]+)\/flow\.json$/;

/** The path of a flow's Flow JSON on a vendor server. */
export function flowJsonDownloadPath(flowId: string): string {
  return `/assets/flows/${encodeURIComponent(flowId)}/flow.json`;
}

/** The flow id a download path names, or undefined when the path is not one. */
export function flowIdOfDownloadPath(pathname: string): string | undefined {
  const match = DOWNLOAD_PATH.exec(pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return undefined;
  }
}

/** Answers a GET of a download path with the flow's Flow JSON, byte for byte. */
export function serveFlowJsonDownload(
  request: VendorRequest,
  flowId: string,
  flows: FlowLifecycle,
): VendorResponse {
  if (request.method !== 'GET') {
    return {
      status: 405,
      headers: { allow: 'GET', 'content-type': 'text/plain' },
      body: 'Method Not Allowed',
    };
  }
  const json = flows.jsonOf(flowId);
  if (!json) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
  return { status: 200, headers: { 'content-type': 'application/json' }, body: json };
}
