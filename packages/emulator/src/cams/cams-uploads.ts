import { UPLOAD_CREDENTIALS_LIFETIME_SECONDS } from '../oss/upload-credentials.js';
import { CamsApiError } from './cams-errors.js';
import type { CamsOperation } from './cams-operation.js';

/**
 * GetChatappUploadAuthorization: temporary STS credentials for the OSS bucket where a user hosts the
 * files CAMS fetches by URL (Flow JSON, media samples). `Expire` is their lifetime in seconds (the
 * Chinese page: 单位为秒, example 3600); `EndPoint` is the emulator's OSS look-alike, scheme included.
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-getchatappuploadauthorization
 */
export const CAMS_UPLOAD_OPERATIONS: readonly CamsOperation[] = [
  {
    action: 'GetChatappUploadAuthorization',
    requiresCustSpaceId: true,
    handle: (params, { uploads }) => {
      if (!uploads) throw new CamsApiError(503, 'ServiceUnavailable', 'The OSS look-alike is not running.');
      const credentials = uploads.credentials.issue(`chatapp/${params.get('CustSpaceId')}`);
      return {
        Data: {
          AccessKeyId: credentials.accessKeyId,
          AccessKeySecret: credentials.accessKeySecret,
          SecurityToken: credentials.securityToken,
          BucketName: uploads.bucket,
          Dir: credentials.dir,
          EndPoint: uploads.endpoint(),
          Expire: UPLOAD_CREDENTIALS_LIFETIME_SECONDS,
        },
      };
    },
  },
];
