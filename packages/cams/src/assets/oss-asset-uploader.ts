import { InvalidRequestError, type ProviderCallContext, ResponseFormatError } from '@whatsapp-bsp/core';
import {
  type CertificateAuthorities,
  HttpAgents,
  once,
  type ProxySetting,
  safeCause,
} from '@whatsapp-bsp/core/adapter';
import type OssModule from 'ali-oss';
import type { CamsSettings } from '../cams-options.js';
import type { CamsSend } from '../transport/cams-transport.js';
import type { Asset, AssetUploader } from './asset-uploader.js';
import { fetchUploadAuthorization } from './cams-upload-authorization.js';
import { loadAliOss } from './load-ali-oss.js';
import { type AssetUrlOption, assetUrlOf, ossAssetLocation } from './oss-asset-url.js';
import { type OssEndpoint, parseOssEndpoint } from './oss-endpoint.js';
import { isStaleCredentialError, ossUploadError } from './oss-errors.js';
import { type OssCall, ossHttpClient } from './oss-http-client.js';
import { type CachedAuthorization, UploadAuthorizationCache } from './upload-authorization-cache.js';

/** OSS's limit on an object key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1023;

export interface OssAssetUploaderOptions {
  /** The provider's CAMS transport, which asks GetChatappUploadAuthorization for credentials. */
  readonly send: CamsSend;
  readonly custSpaceId: string;
  /** Which URL of the uploaded file is handed to CAMS; see `AssetUrlOption`. */
  readonly assetUrl?: AssetUrlOption;
  /** The clock the credentials' lifetime is counted on, in epoch milliseconds. */
  readonly now?: () => number;
  readonly proxy?: ProxySetting;
  readonly ca?: CertificateAuthorities;
  readonly allowInsecureHttp?: boolean;
  readonly maxResponseBytes?: number;
}

/** The URL of an uploaded file, and OSS's request id for the upload. */
export interface UploadedAsset {
  readonly url: string;
  readonly requestId?: string;
}

/** The OSS uploader, which also tells OSS's request id. */
export interface OssAssetUploader extends AssetUploader {
  upload(asset: Asset, context: ProviderCallContext): Promise<UploadedAsset>;
}

/** One set of credentials made ready for uploads: where they upload to, and the client signing with them. */
interface UploadTarget {
  readonly endpoint: OssEndpoint;
  readonly client: OssModule;
  readonly secrets: readonly string[];
}

/**
 * Hosts files in the OSS bucket that CAMS's GetChatappUploadAuthorization opens: temporary STS
 * credentials, kept until shortly before their `Expire` (a lifetime in seconds) runs out, then a
 * PutObject of `<Dir>/<fileName>` signed with OSS signature V4 by the official client, ali-oss,
 * loaded on the first upload. The region signed for comes from `EndPoint`
 * (`oss-ap-southeast-1…` → `ap-southeast-1`), or is CAMS's own, Singapore, when `EndPoint` does not
 * name one. The request goes through core's shared transport: the attempt's abort cancels it, and
 * the adapter's proxy, `ca` and response limit apply.
 *
 * @returns an uploader whose `upload` resolves to the URL `assetUrl` makes of the object
 *   (by default `https://<BucketName>.<endpoint host>/<key>`).
 * Errors: InvalidRequestError (`not-sent`) for a file name OSS cannot take; CAMS's errors for the
 * credentials request; OSS refusals as AuthenticationError, PermissionError, InvalidRequestError or
 * RateLimitError (`failed`), 5xx as ProviderUnavailableError (`unknown`), and the transport's
 * connection errors with their outcomes. No error holds the upload credentials.
 */
export function createOssAssetUploader(options: OssAssetUploaderOptions): OssAssetUploader {
  const { send, custSpaceId, assetUrl, allowInsecureHttp = false, now = Date.now } = options;
  const cache = new UploadAuthorizationCache(
    (context) => fetchUploadAuthorization(send, custSpaceId, context),
    now,
  );
  // Made on the first upload: a `ca` makes its agents parse every root certificate.
  const http = once(() =>
    ossHttpClient({
      agents: new HttpAgents(options.ca === undefined ? {} : { ca: options.ca }),
      ...(options.proxy !== undefined && { proxy: options.proxy }),
      allowInsecureHttp,
      ...(options.maxResponseBytes !== undefined && { maxResponseBytes: options.maxResponseBytes }),
    }),
  );
  const targets = new WeakMap<CachedAuthorization, UploadTarget>();

  async function targetFor(cached: CachedAuthorization): Promise<UploadTarget> {
    const known = targets.get(cached);
    if (known !== undefined) return known;
    const { authorization, usableUntil } = cached;
    const endpoint = parseOssEndpoint(authorization.endpoint, allowInsecureHttp);
    const Oss = await loadAliOss();
    const keys = {
      accessKeyId: authorization.accessKeyId,
      accessKeySecret: authorization.accessKeySecret,
      stsToken: authorization.securityToken,
    };
    const secrets = [authorization.accessKeySecret, authorization.securityToken];
    let client: OssModule;
    try {
      client = new Oss({
        ...keys,
        bucket: authorization.bucket,
        endpoint: endpoint.origin.origin,
        secure: endpoint.origin.protocol === 'https:',
        region: `oss-${endpoint.region}`,
        authorizationV4: true,
        // A client lives as long as its credentials: the cache replaces both together. Given so
        // that ali-oss does not warn about an STS token it cannot refresh.
        refreshSTSToken: async () => keys,
        refreshSTSTokenInterval: Math.max(usableUntil - now(), 1000),
        urllib: http(),
      } as OssModule.Options);
    } catch (error) {
      // ali-oss checks the bucket name and the endpoint as it is built.
      throw new ResponseFormatError(
        'CAMS GetChatappUploadAuthorization answered a BucketName or EndPoint the OSS client refuses; nothing was uploaded',
        { provider: 'cams', outcome: 'not-sent', cause: safeCause(error, secrets) },
      );
    }
    const target = { endpoint, client, secrets };
    targets.set(cached, target);
    return target;
  }

  return {
    async upload(asset, context) {
      checkFileName(asset.fileName);
      const cached = await cache.current(context);
      const { authorization } = cached;
      const key = `${authorization.dir}/${asset.fileName}`;
      if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
        throw new InvalidRequestError(
          `The object key ${authorization.dir}/<fileName> would be longer than OSS's ${MAX_KEY_BYTES} bytes; use a shorter file name`,
          { provider: 'cams', field: 'fileName' },
        );
      }
      const target = await targetFor(cached);
      const call: OssCall = { context, secrets: target.secrets };
      const body = Buffer.from(asset.data.buffer, asset.data.byteOffset, asset.data.byteLength);
      let result: OssModule.PutObjectResult;
      try {
        result = await target.client.put(key, body, {
          mime: asset.mimeType,
          ctx: call,
        } as OssModule.PutObjectOptions);
      } catch (error) {
        // The transport's own error (with its outcome) or the abort's reason, as they are.
        if ('failure' in call) throw call.failure;
        const failure = ossUploadError(error, target.secrets);
        if (isStaleCredentialError(failure)) cache.forget(cached);
        throw failure;
      }
      const location = ossAssetLocation(authorization.bucket, key, target.endpoint.origin);
      const url = assetUrlOf(assetUrl, location);
      const requestId = (result.res.headers as Record<string, unknown>)['x-oss-request-id'];
      return typeof requestId === 'string' ? { url, requestId } : { url };
    },
  };
}

/**
 * The uploader a provider uses: the one its options give, or the OSS uploader over its own
 * transport and settings.
 */
export function camsAssetUploader(settings: CamsSettings, send: CamsSend): AssetUploader {
  if (settings.assetUploader !== undefined) return settings.assetUploader;
  return createOssAssetUploader({
    send,
    custSpaceId: settings.custSpaceId,
    ...(settings.assetUrl !== undefined && { assetUrl: settings.assetUrl }),
    ...(settings.now !== undefined && { now: settings.now }),
    ...(settings.proxy !== undefined && { proxy: settings.proxy }),
    ...(settings.ca !== undefined && { ca: settings.ca }),
    ...(settings.allowInsecureHttp !== undefined && { allowInsecureHttp: settings.allowInsecureHttp }),
    ...(settings.maxResponseBytes !== undefined && { maxResponseBytes: settings.maxResponseBytes }),
  });
}

/**
 * A file name becomes the last part of the object key: one path segment of text, without control
 * characters, so that the upload stays directly under the directory CAMS allows.
 */
function checkFileName(fileName: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (fileName === '' || fileName === '.' || fileName === '..' || /[/\\\u0000-\u001f\u007f]/.test(fileName)) {
    throw new InvalidRequestError(
      'An asset file name must be one non-empty path segment without slashes or control characters',
      { provider: 'cams', field: 'fileName' },
    );
  }
}
