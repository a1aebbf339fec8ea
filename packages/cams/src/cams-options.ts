import { ConfigError } from '@whatsapp-bsp/core';
import { type CertificateAuthorities, checkRequestUrl, isRecord, proxyFor } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import type { AssetUploader } from './assets/asset-uploader.js';
import type { AssetUrlOption } from './assets/oss-asset-url.js';
import type { CamsFlowJsonFilePath, CamsFlowJsonFilePathResolver } from './flows/cams-flow-json-location.js';
import { isSendableInHeader } from './transport/header-text.js';

export const DEFAULT_CAMS_ENDPOINT = 'cams.ap-southeast-1.aliyuncs.com';

/** What the adapter needs of a credential provider, as `@alicloud/credentials`' Credential offers it. */
export interface CamsCredential {
  getCredential(): Promise<{
    accessKeyId?: string;
    accessKeySecret?: string;
    securityToken?: string;
    type?: string;
    /** Sent, and signed, as `x-acs-credentials-provider` (`static_ak`, `default/env`, ...). */
    providerName?: string;
  }>;
}

function isCredential(value: unknown): value is CamsCredential {
  return isRecord(value) && typeof value.getCredential === 'function';
}

function isAssetUploader(value: unknown): value is AssetUploader {
  return isRecord(value) && typeof value.upload === 'function';
}

function isCertificateAuthorities(value: unknown): value is CertificateAuthorities {
  const isOne = (entry: unknown) => typeof entry === 'string' || Buffer.isBuffer(entry);
  return isOne(value) || (Array.isArray(value) && value.length > 0 && value.every(isOne));
}

// A host name or IPv4 address with an optional port, never a URL: the scheme is `protocol`.
const HOST_PATTERN = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;

/**
 * Options that no longer exist, with what replaces them: a configuration written for an older
 * version gets told, rather than a bare "unknown option".
 */
const REMOVED_OPTIONS: Readonly<Record<string, string>> = {
  connectTimeoutMs:
    'the client’s `timeoutMs` bounds each attempt, and now cancels its request when it runs out',
  readTimeoutMs: 'the client’s `timeoutMs` bounds each attempt, and now cancels its request when it runs out',
};

// Built on the first parse, not at import: building schemas is most of the package's import cost.
export const camsOptionsSchema = z.lazy(() => {
  // Refused rather than trimmed, as core refuses such environment variables: a value pasted with
  // a newline is not what its owner thinks it is, and trimming it here but not elsewhere would
  // hide that.
  const text = z
    .string()
    .min(1, 'must be a non-empty string')
    .refine((value) => value.trim() === value, 'must not start or end with white space (a pasted newline?)');
  // Credentials travel in request headers (the key id, the token) or sign them (the secret):
  // refused here, naming the option, rather than by Node.js on the first call.
  const credentialText = text.refine(
    isSendableInHeader,
    'holds a line break, another control character, or a character beyond Latin-1, which no Alibaba Cloud credential holds',
  );
  return z
    .strictObject({
      accessKeyId: credentialText.optional(),
      accessKeySecret: credentialText.optional(),
      /** STS token, with temporary `accessKeyId`/`accessKeySecret`. */
      securityToken: credentialText.optional(),
      /** An `@alicloud/credentials` Credential (or anything with `getCredential()`), instead of keys. */
      credential: z.custom<CamsCredential>(isCredential, 'must have a getCredential() method').optional(),
      /** The CAMS space (ISV sub-customer) or instance id, from the console's Channel Management page. */
      custSpaceId: text,
      endpoint: text
        .regex(HOST_PATTERN, 'must be a host name with an optional port, without a scheme or path')
        .default(DEFAULT_CAMS_ENDPOINT),
      // In any case, as Alibaba's own SDK compares it (its docs write `HTTPS`).
      protocol: text
        .transform((value) => value.toLowerCase())
        .pipe(z.enum(['https', 'http'], 'must be https or http'))
        .default('https'),
      /**
       * An `http://` or `https://` proxy URL, or `false` for none; by default `HTTPS_PROXY`,
       * `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` decide.
       */
      proxy: z.union([z.literal(false), text]).optional(),
      /** PEM certificate authorities trusted besides Node's own (a proxy that re-signs TLS). */
      ca: z
        .custom<CertificateAuthorities>(
          isCertificateAuthorities,
          'must be PEM text, a Buffer, or a list of them',
        )
        .optional(),
      /** Allows plain `http` to a host other than this machine. */
      allowInsecureHttp: z.boolean().optional(),
      /** The largest answer read, in bytes, counted as received and as decoded. */
      maxResponseBytes: z.int().nonnegative().optional(),
      /**
       * Hosts the files CAMS takes by URL (template media samples, Flow JSON). By default, the
       * bucket GetChatappUploadAuthorization opens, through ali-oss.
       */
      assetUploader: z.custom<AssetUploader>(isAssetUploader, 'must have an upload() method').optional(),
      /**
       * The URL of an uploaded file handed to CAMS: `'bucket-host'` (default,
       * `https://<BucketName>.<endpoint host>/<key>`), `'key'`, or a function of the location.
       * Which form CAMS expects is undocumented.
       */
      assetUrl: z
        .union([
          z.enum(['bucket-host', 'key'], "must be 'bucket-host', 'key' or a function"),
          z.custom<Exclude<AssetUrlOption, string>>(
            (value) => typeof value === 'function',
            "must be 'bucket-host', 'key' or a function",
          ),
        ])
        .optional(),
      /** Clock for the request's signing date (`x-acs-date`), in epoch milliseconds. */
      now: z.custom<() => number>((value) => typeof value === 'function', 'must be a function').optional(),
      /** What GetFlowJSONAssest's `FilePath` holds: `'url'`, `'oss-key'`, or a function to the URL. */
      flowJsonFilePath: z
        .union([
          z.enum(['url', 'oss-key'], "must be 'url', 'oss-key' or a function"),
          z.custom<CamsFlowJsonFilePathResolver>((value) => typeof value === 'function'),
        ])
        .default('url' satisfies CamsFlowJsonFilePath),
    })
    .superRefine((options, context) => {
      const issue = (path: string, message: string) =>
        context.addIssue({ code: 'custom', path: [path], message });
      if (options.accessKeyId !== undefined && options.accessKeySecret === undefined) {
        issue('accessKeySecret', 'is required with accessKeyId');
      }
      if (options.accessKeySecret !== undefined && options.accessKeyId === undefined) {
        issue('accessKeyId', 'is required with accessKeySecret');
      }
      if (options.securityToken !== undefined && options.accessKeyId === undefined) {
        issue('accessKeyId', 'is required with securityToken (the temporary key pair issued with the token)');
      }
      if (options.assetUrl !== undefined && options.assetUploader !== undefined) {
        issue(
          'assetUrl',
          'applies to the built-in OSS uploader only; your assetUploader returns its own URLs',
        );
      }
      if (options.credential !== undefined && options.accessKeyId !== undefined) {
        issue('credential', 'cannot be combined with accessKeyId/accessKeySecret; pass one or the other');
      }
      // Where requests go is checked now, by the rules every request is sent under: plain http
      // only to this machine unless allowed, and a proxy given here must be an http(s) URL (the
      // environment's proxies are read on each request, as they may change).
      let origin: URL;
      try {
        origin = checkRequestUrl(camsOrigin(options), options.allowInsecureHttp === true, 'cams');
      } catch (error) {
        issue('protocol', messageOf(error));
        return;
      }
      if (typeof options.proxy === 'string') {
        try {
          proxyFor(origin, options.proxy, 'cams');
        } catch (error) {
          issue('proxy', messageOf(error));
        }
      }
    });
});

/** Core's messages name the host, never a password or the proxy's text. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type CamsOptions = z.input<typeof camsOptionsSchema>;
export type CamsSettings = z.output<typeof camsOptionsSchema>;

/** The origin requests go to, `https://cams.ap-southeast-1.aliyuncs.com`. */
export function camsOrigin(settings: Pick<CamsSettings, 'protocol' | 'endpoint'>): string {
  return `${settings.protocol}://${settings.endpoint}`;
}

/**
 * Validates the options. The error names the field; it never quotes a value, since the values
 * include the access secret.
 */
export function parseCamsOptions(options: unknown): CamsSettings {
  const result = camsOptionsSchema.safeParse(options);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field =
    issue?.code === 'unrecognized_keys'
      ? String(issue.keys[0])
      : issue?.path.map(String).join('.') || 'options';
  const replacement = REMOVED_OPTIONS[field];
  let message: string;
  if (issue?.code === 'unrecognized_keys' && replacement !== undefined) {
    message = `The CAMS option \`${field}\` was removed: ${replacement}`;
  } else if (issue?.code === 'unrecognized_keys') {
    message = `Unknown CAMS option \`${field}\`; expected one of: ${Object.keys(camsOptionsSchema.unwrap().shape).join(', ')}`;
  } else {
    message = `Invalid CAMS option \`${field}\`: ${issue?.message ?? 'invalid'}`;
  }
  throw new ConfigError(message, { provider: 'cams', field });
}
