import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import {
  headerValue,
  type VendorProtocol,
  type VendorRequest,
  type VendorResponse,
} from '../server/vendor-protocol.js';
import type { ObjectStore } from './object-store.js';
import {
  ossCanonicalRequest,
  ossSignature,
  ossStringToSign,
  parseOss4Authorization,
} from './oss-signature.js';
import type { UploadCredentialIssuer } from './upload-credentials.js';

/** The region OSS signatures must name: CAMS runs in Singapore only. */
export const OSS_REGION = 'ap-southeast-1';
/** Uploads of Flow JSON (Meta allows 10 MB) and media samples fit. */
const MAX_OBJECT_BYTES = 16 * 1024 * 1024;
/** OSS accepts `x-oss-date` this far from its clock (RequestTimeTooSkewed beyond). */
const DATE_WINDOW_MS = 15 * 60 * 1000;
const DATE_FORMAT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export interface OssProtocolOptions {
  bucket: string;
  objects: ObjectStore;
  credentials: UploadCredentialIssuer;
  now: () => number;
}

class OssError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An OSS look-alike for the uploads CAMS asks its users to make: one bucket, PutObject signed with
 * V4 by the temporary credentials of GetChatappUploadAuthorization (their security token checked,
 * keys confined to their `Dir`), and GetObject, which serves what was stored to anyone, as a
 * public-read bucket serves the files CAMS fetches by URL. Both virtual-hosted requests (the bucket
 * in `Host`, as ali-oss sends them even to an IP endpoint) and path-style ones are understood.
 * Counted and faulted as the CAMS vendor, operations `PutObject` and `GetObject`.
 */
export function createOssProtocol(options: OssProtocolOptions): VendorProtocol {
  return {
    vendor: 'cams',
    proxyName: 'AliyunOSS',
    maxBodyBytes: MAX_OBJECT_BYTES,
    operationOf: (request) =>
      request.method === 'PUT'
        ? 'PutObject'
        : request.method === 'GET'
          ? 'GetObject'
          : `OSS ${request.method}`,
    handle(request) {
      try {
        return serve(request, options);
      } catch (error) {
        if (!(error instanceof OssError)) throw error;
        return ossErrorAnswer(request, options.bucket, error.status, error.code, error.message);
      }
    },
    httpError: (request, status) =>
      ossErrorAnswer(
        request,
        options.bucket,
        status,
        status >= 500 ? 'InternalError' : 'InvalidRequest',
        STATUS_CODES[status] ?? 'Error',
      ),
    failureCode: (request, code) =>
      ossErrorAnswer(
        request,
        options.bucket,
        500,
        code === undefined ? 'InternalError' : String(code),
        'We encountered an internal error. Please try again.',
      ),
    throttled: (request, code) =>
      ossErrorAnswer(request, options.bucket, 503, code ?? 'SlowDown', 'Please reduce your request rate.'),
  };
}

function serve(request: VendorRequest, options: OssProtocolOptions): VendorResponse {
  if (request.method !== 'PUT' && request.method !== 'GET') {
    throw new OssError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }
  const { bucket, key } = locate(request, options.bucket);
  if (bucket !== options.bucket)
    throw new OssError(404, 'NoSuchBucket', 'The specified bucket does not exist.');
  if (key === '') throw new OssError(400, 'InvalidObjectName', 'The object key is empty.');
  const authorization = headerValue(request, 'authorization');
  if (request.method === 'GET') {
    if (authorization) authenticate(request, authorization, bucket, key, options);
    const object = options.objects.get(key);
    if (!object) throw new OssError(404, 'NoSuchKey', 'The specified key does not exist.');
    return {
      status: 200,
      headers: {
        'content-type': object.contentType,
        etag: `"${object.etag}"`,
        'x-oss-request-id': requestId(),
      },
      body: object.body,
    };
  }
  if (!authorization)
    throw new OssError(403, 'AccessDenied', 'You have no right to access this object because of bucket acl.');
  const credentials = authenticate(request, authorization, bucket, key, options);
  if (!key.startsWith(`${credentials.dir}/`)) {
    throw new OssError(
      403,
      'AccessDenied',
      `You are not authorized to do this action: the upload credentials allow keys under ${credentials.dir}/ only.`,
    );
  }
  const md5 = headerValue(request, 'content-md5');
  if (md5 !== undefined && md5 !== createHash('md5').update(request.body).digest('base64')) {
    throw new OssError(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.');
  }
  const stored = options.objects.put(
    key,
    request.body,
    headerValue(request, 'content-type') ?? 'application/octet-stream',
  );
  return {
    status: 200,
    headers: { etag: `"${stored.etag}"`, 'x-oss-request-id': requestId() },
    body: '',
  };
}

/** The bucket and key: from `Host` (`<bucket>.<endpoint>`) and the path, or path-style `/<bucket>/<key>`. */
function locate(request: VendorRequest, expected: string): { bucket: string; key: string } {
  let path: string;
  try {
    path = decodeURIComponent(request.url.pathname);
  } catch {
    throw new OssError(400, 'InvalidURI', 'Could not parse the specified URI.');
  }
  const host = headerValue(request, 'host') ?? '';
  if (host.startsWith(`${expected}.`)) return { bucket: expected, key: path.slice(1) };
  const [, bucket = '', ...rest] = path.split('/');
  return { bucket, key: rest.join('/') };
}

/** Verifies a V4 signature by temporary upload credentials; returns them. */
function authenticate(
  request: VendorRequest,
  authorization: string,
  bucket: string,
  key: string,
  options: OssProtocolOptions,
) {
  const auth = parseOss4Authorization(authorization);
  if (!auth) {
    throw new OssError(
      400,
      'InvalidArgument',
      'Authorization header is invalid: the emulator checks OSS4-HMAC-SHA256 (V4) signatures.',
    );
  }
  const credentials = options.credentials.find(auth.accessKeyId);
  if (!credentials) {
    throw new OssError(
      403,
      'InvalidAccessKeyId',
      'The OSS Access Key Id you provided does not exist in our records.',
    );
  }
  const token = headerValue(request, 'x-oss-security-token');
  if (token === undefined || !sameText(token, credentials.securityToken)) {
    throw new OssError(403, 'InvalidSecurityToken', 'The security token you provided is invalid.');
  }
  const now = options.now();
  if (credentials.expiresAt <= now) {
    throw new OssError(403, 'SecurityTokenExpired', 'The security token you provided has expired.');
  }
  if (auth.region !== OSS_REGION || auth.product !== 'oss') {
    throw new OssError(
      400,
      'InvalidArgument',
      `Invalid signing region in Authorization header: expected ${OSS_REGION}.`,
    );
  }
  const dateTime = headerValue(request, 'x-oss-date') ?? '';
  const parts = DATE_FORMAT.exec(dateTime);
  if (!parts || dateTime.slice(0, 8) !== auth.date) {
    throw new OssError(
      400,
      'InvalidArgument',
      'x-oss-date must be yyyymmddTHHMMssZ and match the credential date.',
    );
  }
  const [, year, month, day, hour, minute, second] = parts.map(Number) as number[];
  const signedAt = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second);
  if (Math.abs(signedAt - now) > DATE_WINDOW_MS) {
    throw new OssError(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }
  let canonical: string | undefined;
  try {
    canonical = ossCanonicalRequest({
      method: request.method,
      bucket,
      key,
      rawQuery: request.url.search.slice(1),
      headers: request.headers,
      additionalHeaders: auth.additionalHeaders,
    });
  } catch {
    throw new OssError(400, 'InvalidURI', 'Could not parse the query string.');
  }
  if (canonical === undefined) throw new OssError(400, 'InvalidArgument', 'An additional header is missing.');
  const stringToSign = ossStringToSign(dateTime, auth.region, canonical);
  if (
    !sameText(ossSignature(credentials.accessKeySecret, auth.date, auth.region, stringToSign), auth.signature)
  ) {
    throw new OssError(
      403,
      'SignatureDoesNotMatch',
      `The request signature we calculated does not match the signature you provided. String to sign: ${stringToSign}`,
    );
  }
  return credentials;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function requestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** OSS's XML error body, with its request id in a header too. */
function ossErrorAnswer(
  request: VendorRequest,
  bucket: string,
  status: number,
  code: string,
  message: string,
): VendorResponse {
  const id = requestId();
  const host = headerValue(request, 'host') ?? `${bucket}.oss-${OSS_REGION}.aliyuncs.com`;
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-oss-request-id': id },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${escapeXml(code)}</Code>\n  <Message>${escapeXml(message)}</Message>\n  <RequestId>${id}</RequestId>\n  <HostId>${escapeXml(host)}</HostId>\n</Error>\n`,
  };
}
