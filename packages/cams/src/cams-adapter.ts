import type { ProviderAdapter } from '@whatsapp-bsp/core';
import type { CamsOptions } from './cams-options.js';
import { cams } from './cams-provider.js';

/**
 * What core needs to load this adapter from configuration by name (`provider: 'cams'`): the
 * environment variable of each option (the names Alibaba Cloud's own tools read for credentials),
 * and which options are secrets. Credentials left unset fall back to Alibaba Cloud's default
 * credential chain.
 */
export const adapter: ProviderAdapter<CamsOptions> = {
  id: 'cams',
  create: cams,
  environment: {
    accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
    custSpaceId: 'CAMS_CUST_SPACE_ID',
    endpoint: 'CAMS_ENDPOINT',
    protocol: 'CAMS_PROTOCOL',
  },
  // A proxy URL may carry the proxy's password.
  secretOptions: ['accessKeySecret', 'securityToken', 'proxy'],
  // What decides where requests go and whom they trust: a file that others can change must not set them.
  endpointOptions: ['endpoint', 'protocol', 'proxy', 'ca', 'allowInsecureHttp'],
};
