import { ConfigError } from '@whatsapp-bsp/core';
import { isRecord } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';

export const DEFAULT_CAMS_ENDPOINT = 'cams.ap-southeast-1.aliyuncs.com';

/** What `@alicloud/credentials` and openapi-client need of a credential provider. */
export interface CamsCredential {
  getCredential(): Promise<{
    accessKeyId?: string;
    accessKeySecret?: string;
    securityToken?: string;
    type?: string;
  }>;
}

function isCredential(value: unknown): value is CamsCredential {
  return isRecord(value) && typeof value.getCredential === 'function';
}

// A host name or IPv4 address with an optional port, never a URL: the scheme is `protocol`.
const HOST_PATTERN = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;

// Built on the first parse, not at import: building schemas is most of the package's import cost.
export const camsOptionsSchema = z.lazy(() => {
  const nonEmpty = z.string().trim().min(1, 'must be a non-empty string');
  const timeoutMs = z.int().positive().max(600_000);
  return z
    .strictObject({
      accessKeyId: nonEmpty.optional(),
      accessKeySecret: nonEmpty.optional(),
      /** STS token, with temporary `accessKeyId`/`accessKeySecret`. */
      securityToken: nonEmpty.optional(),
      /** An `@alicloud/credentials` Credential (or anything with `getCredential()`), instead of keys. */
      credential: z.custom<CamsCredential>(isCredential, 'must have a getCredential() method').optional(),
      /** The CAMS space (ISV sub-customer) or instance id, from the console's Channel Management page. */
      custSpaceId: nonEmpty,
      endpoint: z
        .string()
        .trim()
        .regex(HOST_PATTERN, 'must be a host name with an optional port, without a scheme or path')
        .default(DEFAULT_CAMS_ENDPOINT),
      protocol: z.enum(['https', 'http']).default('https'),
      /** Caps the call's timeout for connecting; the call's own timeout applies when it is shorter. */
      connectTimeoutMs: timeoutMs.optional(),
      /** Caps the call's timeout for the answer; the call's own timeout applies when it is shorter. */
      readTimeoutMs: timeoutMs.optional(),
      /** Clock for the request's signing date (`x-acs-date`), in epoch milliseconds. */
      now: z.custom<() => number>((value) => typeof value === 'function', 'must be a function').optional(),
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
      if (options.credential !== undefined && options.accessKeyId !== undefined) {
        issue('credential', 'cannot be combined with accessKeyId/accessKeySecret; pass one or the other');
      }
    });
});

export type CamsOptions = z.input<typeof camsOptionsSchema>;
export type CamsSettings = z.output<typeof camsOptionsSchema>;

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
  const message =
    issue?.code === 'unrecognized_keys'
      ? `Unknown CAMS option \`${field}\`; expected one of: ${Object.keys(camsOptionsSchema.unwrap().shape).join(', ')}`
      : `Invalid CAMS option \`${field}\`: ${issue?.message ?? 'invalid'}`;
  throw new ConfigError(message, { provider: 'cams', field });
}
