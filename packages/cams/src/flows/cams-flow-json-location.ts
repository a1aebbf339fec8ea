import { BspError, ConfigError, type ProviderCallContext, ResponseFormatError } from '@whatsapp-bsp/core';
import { fetchUploadAuthorization } from '../assets/cams-upload-authorization.js';
import type { CamsSend } from '../transport/cams-transport.js';

const PROVIDER = 'cams';

/**
 * Turns GetFlowJSONAssest's `FilePath` into the URL to download, for a `FilePath` that is not
 * one: it may do its own I/O (presign a link with the OSS SDK, say), cancelled by the context.
 */
export type CamsFlowJsonFilePathResolver = (
  filePath: string,
  context: ProviderCallContext,
) => string | URL | Promise<string | URL>;

/**
 * What GetFlowJSONAssest's `FilePath` holds. Its API page calls it the file's URL; whether CAMS
 * ever answers with an OSS object key instead is unverified, so the form is an option:
 *
 * - `'url'` (default): the URL to download, as the API page documents it.
 * - `'oss-key'`: a key in the OSS bucket GetChatappUploadAuthorization names, downloaded
 *   unsigned from `https://<BucketName>.<EndPoint>/<key>` (a full URL is still taken as it is).
 *   That works for a public-read bucket; a private one needs a presigned link: pass a function.
 * - a function of the `FilePath` (and the call's context) to the URL.
 */
export type CamsFlowJsonFilePath = 'url' | 'oss-key' | CamsFlowJsonFilePathResolver;

/**
 * The URL of a flow's JSON file from what GetFlowJSONAssest said; `requestId`, that call's, goes
 * into the errors.
 */
export type FlowJsonLocator = (
  filePath: string,
  context: ProviderCallContext,
  requestId: string | undefined,
) => Promise<URL>;

/** Where uploaded files live: the bucket and its endpoint, good until `until` (epoch ms). */
interface UploadLocation {
  readonly origin: URL;
  readonly bucket: string;
  readonly until: number;
}

// An OSS bucket name: lower-case letters, digits and hyphens, 3 to 63 characters (OSS naming rules).
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
// A host, optionally with a port; OSS endpoints are host names.
const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;

export function createFlowJsonLocator(
  form: CamsFlowJsonFilePath,
  send: CamsSend,
  custSpaceId: string,
  now: () => number,
): FlowJsonLocator {
  if (typeof form === 'function') return (filePath, context) => resolvedBy(form, filePath, context);
  if (form === 'url') return async (filePath, _context, requestId) => documentedUrl(filePath, requestId);

  let location: UploadLocation | undefined;
  const uploadLocation = async (context: ProviderCallContext): Promise<UploadLocation> => {
    if (location === undefined || now() >= location.until) {
      location = await fetchUploadLocation(send, custSpaceId, context, now());
    }
    return location;
  };
  return async (filePath, context) => {
    if (isAbsoluteHttpUrl(filePath)) return new URL(filePath);
    return objectUrl(await uploadLocation(context), filePath);
  };
}

/** `FilePath` as the API page documents it: an absolute http(s) URL. */
function documentedUrl(filePath: string, requestId: string | undefined): URL {
  if (isAbsoluteHttpUrl(filePath)) return new URL(filePath);
  throw new ResponseFormatError(
    "CAMS GetFlowJSONAssest answered a FilePath that is not an http(s) URL; if it is an OSS object key, set the CAMS option flowJsonFilePath to 'oss-key' or to a function that resolves it",
    { provider: PROVIDER, outcome: 'failed', ...(requestId !== undefined && { requestId }) },
  );
}

function isAbsoluteHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** The user's resolver, whose own failures are reported as the option's. */
async function resolvedBy(
  resolve: CamsFlowJsonFilePathResolver,
  filePath: string,
  context: ProviderCallContext,
): Promise<URL> {
  let resolved: string | URL;
  try {
    resolved = await resolve(filePath, context);
  } catch (error) {
    // Core's errors and an abort's reason go out as they are.
    if (BspError.isInstance(error) || context.signal.aborted) throw error;
    throw new ConfigError('The CAMS option flowJsonFilePath threw while resolving a FilePath', {
      provider: PROVIDER,
      field: 'flowJsonFilePath',
      cause: error,
    });
  }
  const text = resolved instanceof URL ? resolved.href : resolved;
  if (typeof text !== 'string' || !isAbsoluteHttpUrl(text)) {
    throw new ConfigError(
      'The CAMS option flowJsonFilePath resolved a FilePath to something not an http(s) URL',
      {
        provider: PROVIDER,
        field: 'flowJsonFilePath',
      },
    );
  }
  return new URL(text);
}

/**
 * GetChatappUploadAuthorization's bucket and endpoint; of the temporary credentials it also hands
 * out, nothing is kept.
 */
async function fetchUploadLocation(
  send: CamsSend,
  custSpaceId: string,
  context: ProviderCallContext,
  nowMs: number,
): Promise<UploadLocation> {
  const { bucket, endpoint, lifetimeSeconds } = await fetchUploadAuthorization(send, custSpaceId, context);
  // Never the answer itself in these errors: it holds the temporary key pair and token.
  const bad = (message: string) =>
    new ResponseFormatError(
      `CAMS GetChatappUploadAuthorization answered ${message}; nothing was downloaded`,
      {
        provider: PROVIDER,
        outcome: 'failed',
      },
    );
  if (!BUCKET_NAME.test(bucket)) throw bad('a BucketName that is not a valid OSS bucket name');
  const origin = ossOrigin(endpoint);
  if (origin === undefined) throw bad('an EndPoint that is not an OSS host or URL');
  return { origin, bucket, until: nowMs + lifetimeSeconds * 1000 };
}

/**
 * The origin of an `EndPoint`: `oss-ap-southeast-1.aliyuncs.com`, the region alone
 * (`oss-ap-southeast-1`), or either with a scheme (https when it has none).
 */
function ossOrigin(endpoint: string): URL | undefined {
  const scheme = /^(https?):\/\//i.exec(endpoint)?.[1]?.toLowerCase() ?? 'https';
  let host = endpoint.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (!HOST.test(host)) return undefined;
  if (!host.includes('.') && !host.startsWith('localhost')) host = `${host}.aliyuncs.com`;
  return new URL(`${scheme}://${host}`);
}

/**
 * The URL of an object: virtual-hosted (`<bucket>.<endpoint>`), as OSS serves buckets, or
 * path-style (`<endpoint>/<bucket>`) when the endpoint is an address, which cannot take the
 * bucket as a sub-domain. Each segment of the key is percent-encoded.
 */
function objectUrl(location: UploadLocation, key: string): URL {
  const path = key
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  const { origin, bucket } = location;
  const byAddress = /^[\d.]+$|^\[|^localhost$/i.test(origin.hostname);
  return byAddress
    ? new URL(`${origin.origin}/${bucket}/${path}`)
    : new URL(`${origin.protocol}//${bucket}.${origin.host}/${path}`);
}
