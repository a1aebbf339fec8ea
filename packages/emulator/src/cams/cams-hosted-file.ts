import { flowIdOfDownloadPath } from '../flows/flow-json-download.js';
import { OSS_REGION } from '../oss/oss-protocol.js';
import { CamsApiError } from './cams-errors.js';
import type { CamsContext } from './cams-operation.js';

/** `scheme://authority/path`, read by hand: `https://<bucket>.127.0.0.1:<port>/…` is no WHATWG URL. */
const URL_PARTS = /^(https?):\/\/([^/?#]+)(\/[^?#]*)?(?:[?#].*)?$/i;

/**
 * The bytes of a file CAMS is asked to fetch by URL (UpdateFlowJSONAsset's `FilePath`). CAMS
 * fetches it when the call is made and answers `InvalidParameter.FileUrlError` when it cannot
 * (cams-api: UpdateFlowJSONAsset; GetChatappUploadAuthorization). The emulator never goes to the
 * internet: it fetches from what it hosts itself, that is
 * - its OSS look-alike's objects, by a virtual-hosted URL (`http(s)://<bucket>.<endpoint host>/<key>`,
 *   the endpoint host being the look-alike's `host:port` or OSS's own
 *   `oss-ap-southeast-1.aliyuncs.com`) or a path-style one (`http(s)://<endpoint host>/<bucket>/<key>`);
 * - a Flow JSON link it handed out itself (GetFlowJSONAssest's `FilePath`).
 * A query string (a pre-signed URL's) is ignored. Anything else is a FileUrlError.
 */
export function fetchHostedFile(filePath: string, context: CamsContext): Buffer {
  const unreachable = (why: string) =>
    new CamsApiError(400, 'InvalidParameter.FileUrlError', `The file at FilePath cannot be fetched: ${why}.`);
  const parts = URL_PARTS.exec(filePath.trim());
  if (!parts) throw unreachable('it is not an http(s) URL');
  const authority = (parts[2] as string).toLowerCase();
  let path: string;
  try {
    path = decodeURIComponent(parts[3] ?? '/');
  } catch {
    throw unreachable('its path is not well-formed');
  }
  if (authority === hostOf(context.origin())) {
    const flowId = flowIdOfDownloadPath(parts[3] ?? '/');
    const json = flowId === undefined ? undefined : context.flows.jsonOf(flowId);
    if (!json) throw unreachable('the emulator serves no such file');
    return json;
  }
  const uploads = context.uploads;
  if (!uploads) throw unreachable('the emulator hosts no files without its OSS look-alike');
  const bucket = uploads.bucket.toLowerCase();
  const ossHost = hostOf(uploads.endpoint());
  let key: string | undefined;
  if (authority === `${bucket}.${ossHost}` || authority === `${bucket}.oss-${OSS_REGION}.aliyuncs.com`) {
    key = path.slice(1);
  } else if (authority === ossHost && path.startsWith(`/${uploads.bucket}/`)) {
    key = path.slice(uploads.bucket.length + 2);
  }
  if (key === undefined)
    throw unreachable('the emulator does not fetch from the internet, only from its own OSS look-alike');
  const object = uploads.objects.get(key);
  if (!object) throw unreachable(`no object ${key} in bucket ${uploads.bucket}`);
  return object.body;
}

/** The `host:port` of an `http://host:port` URL, lower-cased. */
function hostOf(url: string): string {
  return url
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}
