// Test harness, not a vendor payload: run by cams-debug-output.test.ts from its compiled copy in
// dist/, in a child process whose environment sets DEBUG=*. It makes one GetFlow call to the local
// server named on the command line, through the adapter or, for comparison, through
// @alicloud/openapi-client 0.4 (what the adapter used to send with), and prints nothing itself.
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { createClient } from '@whatsapp-bsp/core';
import { cams } from '../index.js';

const [via, endpoint = ''] = process.argv.slice(2);
const accessKeyId = process.env.TEST_ACCESS_KEY_ID ?? '';
const accessKeySecret = process.env.TEST_ACCESS_KEY_SECRET ?? '';
const securityToken = process.env.TEST_SECURITY_TOKEN ?? '';
const custSpaceId = 'cams-space-0001';

if (via === 'adapter') {
  const provider = cams({
    accessKeyId,
    accessKeySecret,
    securityToken,
    custSpaceId,
    endpoint,
    protocol: 'http',
  });
  await createClient({ provider, rateLimit: false, retry: { maxAttempts: 1 } }).flows.get('f-1');
} else {
  const client = new OpenApiModule.default(
    new Config({ accessKeyId, accessKeySecret, securityToken, endpoint, protocol: 'http' }),
  );
  const params = new Params({
    action: 'GetFlow',
    version: '2020-06-06',
    protocol: 'http',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'string',
  });
  const request = new OpenApiRequest({ body: { CustSpaceId: custSpaceId, FlowId: 'f-1' } });
  await client.callApi(params, request, new RuntimeOptions({}));
}
