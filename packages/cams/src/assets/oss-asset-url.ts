/**
 * Where an uploaded file ended up: what an `assetUrl` function receives.
 */
export interface OssAssetLocation {
  /** GetChatappUploadAuthorization's `BucketName`. */
  readonly bucket: string;
  /** The object key, `<Dir>/<fileName>`. */
  readonly key: string;
  /** The OSS endpoint as an origin, e.g. `https://oss-ap-southeast-1.aliyuncs.com`. */
  readonly endpoint: string;
  /** The default URL: `https://<bucket>.<endpoint host>/<key>`, the key percent-encoded. */
  readonly url: string;
}

/**
 * What URL of an uploaded file is handed to CAMS. CAMS does not document which form it expects,
 * so this is configurable:
 *
 * - `'bucket-host'` (default): `https://<BucketName>.<endpoint host>/<key>`, the bucket's own
 *   address, as OSS serves public-read objects;
 * - `'key'`: the object key alone, `<Dir>/<fileName>`;
 * - a function of the location, for anything else (a CDN, a presigned URL made elsewhere).
 */
export type AssetUrlOption = 'bucket-host' | 'key' | ((location: OssAssetLocation) => string);

/** Percent-encodes each path segment of a key, keeping its slashes. */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** The location of `key`, with its default URL. */
export function ossAssetLocation(bucket: string, key: string, endpoint: URL): OssAssetLocation {
  return {
    bucket,
    key,
    endpoint: endpoint.origin,
    url: `https://${bucket}.${endpoint.host}/${encodeKey(key)}`,
  };
}

/** The URL `option` makes of `location`. */
export function assetUrlOf(option: AssetUrlOption | undefined, location: OssAssetLocation): string {
  if (option === undefined || option === 'bucket-host') return location.url;
  if (option === 'key') return location.key;
  return option(location);
}
