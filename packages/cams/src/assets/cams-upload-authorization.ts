import type { ProviderCallContext } from '@whatsapp-bsp/core';
import { parseWire } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { camsBadResponse } from '../transport/cams-errors.js';
import type { CamsSend } from '../transport/cams-transport.js';
import { answerSchema } from '../transport/cams-wire-values.js';

/**
 * GetChatappUploadAuthorization's `Data`: temporary STS credentials for the OSS bucket in which a
 * CAMS space may host the files CAMS fetches by URL.
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-getchatappuploadauthorization
 */
const uploadAuthorizationAnswerSchema = answerSchema((w) =>
  z.object({
    Data: z.object({
      AccessKeyId: w.id(),
      AccessKeySecret: w.id(),
      SecurityToken: w.id(),
      BucketName: w.id(),
      Dir: w.text(),
      /** `oss-ap-southeast-1.aliyuncs.com`, with or without a scheme. */
      EndPoint: w.id(),
      /** A lifetime in seconds (the Chinese page: 单位为秒, example 3600), not a timestamp. */
      Expire: w.integer().pipe(z.int().positive()),
    }),
  }),
);

/** What GetChatappUploadAuthorization handed out, in the adapter's words. */
export interface UploadAuthorization {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string;
  readonly bucket: string;
  /** The directory uploads must go under, without a trailing slash. */
  readonly dir: string;
  /** As CAMS gave it: a host, or a URL with a scheme. */
  readonly endpoint: string;
  /** How long the credentials last from when they were handed out, in seconds. */
  readonly lifetimeSeconds: number;
}

/**
 * Asks CAMS for upload credentials (one request, query parameters only, as the official SDK
 * sends them).
 *
 * @throws the transport's BspError; ResponseFormatError (`outcome: 'unknown'`) for an answer
 *   that lacks a field, which never quotes the answer, since it holds a secret.
 */
export async function fetchUploadAuthorization(
  send: CamsSend,
  custSpaceId: string,
  context: ProviderCallContext,
): Promise<UploadAuthorization> {
  const answer = await send('GetChatappUploadAuthorization', { CustSpaceId: custSpaceId }, context);
  const wire = parseWire(uploadAuthorizationAnswerSchema, answer.body, (detail) =>
    camsBadResponse(
      `CAMS GetChatappUploadAuthorization answer does not match the documented shape at \`${detail.path || 'body'}\``,
      { httpStatusCode: answer.httpStatusCode, requestId: answer.requestId },
    ),
  );
  const data = wire.Data;
  return {
    accessKeyId: data.AccessKeyId,
    accessKeySecret: data.AccessKeySecret,
    securityToken: data.SecurityToken,
    bucket: data.BucketName,
    dir: data.Dir.replace(/\/+$/, ''),
    endpoint: data.EndPoint,
    lifetimeSeconds: data.Expire,
  };
}
