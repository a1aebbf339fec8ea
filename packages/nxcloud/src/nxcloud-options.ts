import { BspError, ConfigError } from '@whatsapp-bsp/core';
import {
  type CertificateAuthorities,
  checkRequestUrl,
  DEFAULT_MAX_RESPONSE_BYTES,
  redactSecrets,
} from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { NXCLOUD_PROVIDER_ID } from './nxcloud-id.js';

export const NXCLOUD_DEFAULT_BASE_URL = 'https://api2.nxcloud.com';

/** The vendor operations this adapter calls, each with a configurable path and `action`. */
export const NXCLOUD_OPERATION_NAMES = [
  'queryFlowById',
  'queryFlowsByPhone',
  'getPreviewByFlowId',
  'getTemplate',
  'createTemplate',
  'createTemplateAsync',
  'updateTemplate',
  'deleteTemplate',
  'uploadTemplateFile',
  'updateFlow',
  'updateFlowJson',
  'createFlow',
  'getFlowJson',
  'publishFlow',
  'deprecateFlow',
  'deleteFlow',
] as const;
export type NxcloudOperationName = (typeof NXCLOUD_OPERATION_NAMES)[number];

export interface NxcloudOperation {
  readonly path: string;
  readonly action: string;
}

/**
 * Where each operation lives. NXCloud's queryFlowById page (wiki page WhatsApp-API-queryFlowsById)
 * is a copy of the getTemplate page: it prints action `getTemplate` under the path
 * `/api/wa/queryFlowById`. We keep the documented path and use the path's last segment as the
 * action, as every other endpoint does; `{ action: 'getTemplate' }` switches to what the page
 * prints.
 *
 * NXCloud's wiki lists pages for creating, publishing, deprecating and deleting a flow and for
 * reading its Flow JSON (flows-创建流, flows-发布流, flows-废弃已发布的流, flows-删除流草稿,
 * flows-查询流JSON) without giving their paths or actions: those defaults follow the documented
 * flow endpoints (`/v1/wa/m/flows/<action>`) and are unverified, hence overridable.
 */
export const NXCLOUD_DEFAULT_OPERATIONS: Readonly<Record<NxcloudOperationName, NxcloudOperation>> = {
  queryFlowById: { path: '/api/wa/queryFlowById', action: 'queryFlowById' },
  queryFlowsByPhone: { path: '/v1/wa/m/flows/queryFlowsByPhone', action: 'queryFlowsByPhone' },
  getPreviewByFlowId: { path: '/v1/wa/m/flows/getPreviewByFlowId', action: 'getPreviewByFlowId' },
  getTemplate: { path: '/api/wa/getTemplate', action: 'getTemplate' },
  createTemplate: { path: '/api/wa/createTemplate', action: 'createTemplate' },
  // Its page (WhatsApp-API-createTemplateAsync) prints the action `createTemplate`; sent as printed.
  createTemplateAsync: { path: '/api/wa/createTemplateAsync', action: 'createTemplate' },
  updateTemplate: { path: '/api/wa/updateTemplate', action: 'updateTemplate' },
  deleteTemplate: { path: '/api/wa/deleteTemplate', action: 'deleteTemplate' },
  uploadTemplateFile: { path: '/api/wa/uploadTemplateFile', action: 'uploadTemplateFile' },
  updateFlow: { path: '/v1/wa/m/flows/updateFlow', action: 'updateFlow' },
  updateFlowJson: { path: '/v1/wa/m/flows/updateFlowJson', action: 'updateFlowJson' },
  createFlow: { path: '/v1/wa/m/flows/createFlow', action: 'createFlow' },
  getFlowJson: { path: '/v1/wa/m/flows/getFlowJson', action: 'getFlowJson' },
  publishFlow: { path: '/v1/wa/m/flows/publishFlow', action: 'publishFlow' },
  deprecateFlow: { path: '/v1/wa/m/flows/deprecateFlow', action: 'deprecateFlow' },
  deleteFlow: { path: '/v1/wa/m/flows/deleteFlow', action: 'deleteFlow' },
};

/**
 * Which endpoint `templates.create` calls: `sync`, createTemplate, which answers with Meta's id of
 * the new template; or `async`, createTemplateAsync (a 2025 page), which takes the same body and
 * whose answer NXCloud does not document; the review result comes by the template webhook either
 * way.
 */
export const NXCLOUD_TEMPLATE_CREATE_MODES = ['sync', 'async'] as const;
export type NxcloudTemplateCreateMode = (typeof NXCLOUD_TEMPLATE_CREATE_MODES)[number];

/**
 * Text pasted with a trailing newline or space would be signed or sent as it is and fail at the
 * vendor with a bare "invalid signature". Core refuses such values in environment variables; the
 * same values given in code or in a config file are refused here, naming the option, rather than
 * trimmed (a value that is not what the user thinks it is should not pass silently).
 */
const withoutSurroundingSpace = (name: string) =>
  [
    (value: string) => value.trim() === value,
    { message: `\`${name}\` starts or ends with white space (a pasted newline?); remove it and try again` },
  ] as const;

/**
 * What an HTTP header value may hold (Node's own rule): no line break, no other control character
 * but tab, nothing beyond Latin-1. A credential with anything else (typically a pasted line break)
 * would fail every call; it is refused when the provider is created, naming the option and never
 * repeating the value.
 */
const HEADER_SAFE_TEXT = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * A credential. The access key is sent as a header; the application key and the secret are plain
 * text too (the vendor's samples are ASCII), so the same rule finds the same mistakes in them.
 */
const credential = (name: string, sentAs: 'header' | 'text') =>
  z
    .string(`\`${name}\` is required and must be a string`)
    .refine((value) => value.trim() !== '', { message: `\`${name}\` must not be empty` })
    .refine(...withoutSurroundingSpace(name))
    .refine((value) => HEADER_SAFE_TEXT.test(value), {
      message:
        sentAs === 'header'
          ? `\`${name}\` holds a character an HTTP header cannot carry (a line break or another control character, or one beyond Latin-1); it is sent as a header`
          : `\`${name}\` holds a control character or a character beyond Latin-1, which no NXCloud credential has`,
    });

const PROXY_MESSAGE = '`proxy` must be an http(s) URL, or false';

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** PEM text, or its bytes: a certificate authority as Node's `tls` options take it. */
const certificateAuthoritySchema = () =>
  z.union([z.string(), z.custom<Buffer>((value) => Buffer.isBuffer(value))], {
    error: '`ca` must be PEM text or a Buffer, or a list of them',
  });

const operationOverrideSchema = () =>
  z.strictObject({
    path: z
      .string()
      .regex(/^\/[A-Za-z0-9/_.-]*$/, 'must be an absolute URL path such as `/api/wa/getTemplate`')
      .optional(),
    action: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be an action name such as `getTemplate`')
      .optional(),
  });

/** Built when the first provider is created rather than at import, to keep importing cheap. */
export const nxcloudOptionsSchema = z.lazy(() => {
  const operationOverride = operationOverrideSchema().optional();
  return z.strictObject({
    accessKey: credential('accessKey', 'header'),
    accessSecret: credential('accessSecret', 'text'),
    /** The key of the NXCloud WhatsApp application (body field `appkey`). */
    appKey: credential('appKey', 'text'),
    /** The merchant's WhatsApp number: digits only, country code first (E.164 without `+`). */
    businessPhone: z
      .string('`businessPhone` is required and must be a string')
      .refine(...withoutSurroundingSpace('businessPhone'))
      .regex(
        /^[1-9]\d{6,14}$/,
        '`businessPhone` must be 7 to 15 digits with the country code first and no `+`',
      ),
    /** Checked further against the plain-HTTP and credentials rules once all options are read. */
    baseUrl: z
      .string('`baseUrl` must be an http(s) URL')
      .refine(...withoutSurroundingSpace('baseUrl'))
      .pipe(z.url({ protocol: /^https?$/, error: '`baseUrl` must be an http(s) URL' }))
      .transform((url) => url.replace(/\/+$/, ''))
      .default(NXCLOUD_DEFAULT_BASE_URL),
    /**
     * The proxy: an http(s) URL, or `false` for none. Absent, the environment's `HTTPS_PROXY`,
     * `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` decide (read by core's transport).
     */
    proxy: z
      .union([z.literal(false), z.string()], { error: PROXY_MESSAGE })
      .refine((proxy) => proxy === false || proxy.trim() === proxy, withoutSurroundingSpace('proxy')[1])
      .refine((proxy) => proxy === false || isHttpUrl(proxy), { message: PROXY_MESSAGE })
      .optional(),
    /** Certificate authorities trusted in addition to Node's bundled roots. */
    ca: z.union([certificateAuthoritySchema(), z.array(certificateAuthoritySchema())]).optional(),
    allowInsecureHttp: z.boolean('`allowInsecureHttp` must be true or false').default(false),
    maxResponseBytes: z
      .int('`maxResponseBytes` must be a whole number of bytes')
      .min(1, '`maxResponseBytes` must be at least 1 byte')
      .max(Number.MAX_SAFE_INTEGER, '`maxResponseBytes` must be a whole number of bytes')
      .default(DEFAULT_MAX_RESPONSE_BYTES),
    signAlgorithm: z.enum(['md5', 'sha256'], "`signAlgorithm` must be 'md5' or 'sha256'").default('md5'),
    templateCreate: z
      .enum(NXCLOUD_TEMPLATE_CREATE_MODES, "`templateCreate` must be 'sync' or 'async'")
      .default('sync'),
    /**
     * Also sends the `appkey` form field on the multipart uploads (updateFlowJson,
     * uploadTemplateFile), whose pages list no `appkey` although every JSON endpoint takes one.
     */
    sendAppKeyOnUploads: z.boolean('`sendAppKeyOnUploads` must be true or false').default(false),
    operations: z
      .strictObject(
        Object.fromEntries(NXCLOUD_OPERATION_NAMES.map((name) => [name, operationOverride])) as Record<
          NxcloudOperationName,
          typeof operationOverride
        >,
      )
      .optional(),
    /** Epoch milliseconds, for the `ts` header; injectable so tests control time. */
    now: z
      .custom<() => number>(
        (value) => typeof value === 'function',
        '`now` must be a function returning epoch ms',
      )
      .optional(),
  });
});

export type NxcloudOptions = z.input<typeof nxcloudOptionsSchema>;

export interface ResolvedNxcloudOptions {
  readonly accessKey: string;
  readonly accessSecret: string;
  readonly appKey: string;
  readonly businessPhone: string;
  readonly baseUrl: string;
  readonly signAlgorithm: 'md5' | 'sha256';
  readonly templateCreate: NxcloudTemplateCreateMode;
  readonly sendAppKeyOnUploads: boolean;
  readonly operations: Readonly<Record<NxcloudOperationName, NxcloudOperation>>;
  readonly now: () => number;
  readonly proxy: string | false | undefined;
  readonly ca: CertificateAuthorities | undefined;
  readonly allowInsecureHttp: boolean;
  readonly maxResponseBytes: number;
}

/** Validates the options, filling defaults; throws ConfigError naming the first bad field. */
export function resolveNxcloudOptions(options: unknown): ResolvedNxcloudOptions {
  const result = nxcloudOptionsSchema.safeParse(options);
  if (!result.success) throw configErrorFrom(result.error.issues[0], options);
  const { operations = {}, now = Date.now, proxy, ca, ...rest } = result.data;
  checkBaseUrl(rest.baseUrl, rest.allowInsecureHttp);
  const resolved = Object.fromEntries(
    NXCLOUD_OPERATION_NAMES.map((name) => [
      name,
      { ...NXCLOUD_DEFAULT_OPERATIONS[name], ...operations[name] },
    ]),
  ) as Record<NxcloudOperationName, NxcloudOperation>;
  return { ...rest, operations: resolved, now, proxy, ca };
}

/**
 * The transport's rules for a request URL, applied to `baseUrl` when the provider is created
 * rather than on the first call: no `user:password@` (never repeated in the error), and plain
 * `http://` only to this machine (the emulator) unless `allowInsecureHttp` says otherwise.
 */
function checkBaseUrl(baseUrl: string, allowInsecureHttp: boolean): void {
  try {
    checkRequestUrl(baseUrl, allowInsecureHttp, NXCLOUD_PROVIDER_ID);
  } catch (error) {
    if (!BspError.isInstance(error)) throw error;
    throw new ConfigError(`Invalid NXCloud options: \`baseUrl\` is refused. ${error.message}`, {
      provider: NXCLOUD_PROVIDER_ID,
      field: 'baseUrl',
    });
  }
}

function configErrorFrom(issue: z.core.$ZodIssue | undefined, options: unknown): ConfigError {
  const path = issue?.path.map(String) ?? [];
  let detail: string;
  if (issue?.code === 'unrecognized_keys') {
    path.push(issue.keys[0] ?? '');
    detail = `unknown option \`${path.join('.')}\``;
  } else if (path.length === 0) {
    detail = 'the options must be an object';
  } else {
    const message = issue?.message ?? 'is invalid';
    // Our own messages already name the field; zod's defaults do not.
    detail = message.startsWith('`') ? message : `\`${path.join('.')}\` ${message}`;
  }
  // Messages never quote input values, but a secret must not leak even if one ever did.
  const secret =
    typeof options === 'object' && options !== null ? Reflect.get(options, 'accessSecret') : undefined;
  return new ConfigError(
    redactSecrets(`Invalid NXCloud options: ${detail}`, [typeof secret === 'string' ? secret : undefined]),
    {
      provider: NXCLOUD_PROVIDER_ID,
      ...(path.length > 0 ? { field: path.join('.') } : {}),
    },
  );
}
