import { ResponseFormatError } from '@whatsapp-bsp/core';
import { checkRequestUrl } from '@whatsapp-bsp/core/adapter';

/**
 * The region V4 signatures name when `EndPoint` does not tell it: CAMS runs in Singapore only, and
 * its upload bucket with it.
 */
export const DEFAULT_OSS_REGION = 'ap-southeast-1';

/**
 * OSS's public and internal endpoints, `oss-<region>[-internal].aliyuncs.com`
 * (https://www.alibabacloud.com/help/en/oss/user-guide/regions-and-endpoints). The global
 * acceleration endpoints (`oss-accelerate…`) name no region.
 */
const REGIONAL_ENDPOINT = /^oss-(?!accelerate)([a-z]+-[a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/;

/** Where uploads go, and the region their V4 signatures name. */
export interface OssEndpoint {
  /** `https://oss-ap-southeast-1.aliyuncs.com`: the scheme CAMS gave, https when it gave none. */
  readonly origin: URL;
  /** `ap-southeast-1`, without OSS's `oss-` prefix. */
  readonly region: string;
}

/**
 * Reads GetChatappUploadAuthorization's `EndPoint`, which may carry a scheme. An endpoint that is
 * not an OSS regional host (a test double, a custom domain) is signed for CAMS's own region.
 *
 * @throws ConfigError for plain http to another machine without `allowInsecureHttp` (the rule of
 *   every request of the adapter); ResponseFormatError (`outcome: 'not-sent'`) for text that is
 *   not a host or an http(s) URL.
 */
export function parseOssEndpoint(endPoint: string, allowInsecureHttp: boolean): OssEndpoint {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(endPoint) ? endPoint : `https://${endPoint}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw notAnEndpoint();
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.hostname === '') {
    throw notAnEndpoint();
  }
  const origin = checkRequestUrl(url.origin, allowInsecureHttp, 'cams');
  const region = REGIONAL_ENDPOINT.exec(origin.hostname.toLowerCase())?.[1] ?? DEFAULT_OSS_REGION;
  return { origin, region };
}

function notAnEndpoint(): ResponseFormatError {
  return new ResponseFormatError(
    'CAMS GetChatappUploadAuthorization answered an EndPoint that is not an OSS host or URL; nothing was uploaded',
    { provider: 'cams', outcome: 'not-sent' },
  );
}
