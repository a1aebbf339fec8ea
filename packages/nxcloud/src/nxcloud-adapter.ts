import type { ProviderAdapter } from '@whatsapp-bsp/core';
import { NXCLOUD_PROVIDER_ID } from './nxcloud-id.js';
import type { NxcloudOptions } from './nxcloud-options.js';
import { nxcloud } from './nxcloud-provider.js';

/**
 * What core needs to load this adapter from configuration by name (`provider: 'nxcloud'`): the
 * environment variable of each option, and which options are secrets.
 */
export const adapter: ProviderAdapter<NxcloudOptions> = {
  id: NXCLOUD_PROVIDER_ID,
  create: nxcloud,
  environment: {
    accessKey: 'NXCLOUD_ACCESS_KEY',
    accessSecret: 'NXCLOUD_ACCESS_SECRET',
    appKey: 'NXCLOUD_APP_KEY',
    businessPhone: 'NXCLOUD_BUSINESS_PHONE',
    baseUrl: 'NXCLOUD_BASE_URL',
    signAlgorithm: 'NXCLOUD_SIGN_ALGORITHM',
  },
  // A proxy URL may carry the proxy's password.
  secretOptions: ['accessSecret', 'proxy'],
  // Where requests go, and whom they trust on the way: a file that sets them decides both.
  endpointOptions: ['baseUrl', 'proxy', 'ca', 'allowInsecureHttp'],
};
