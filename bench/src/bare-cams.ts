import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import type { CamsClientConfig } from '@whatsapp-bsp/emulator';

// CommonJS module: Node hands ES modules the whole `exports` object as the default import.
const OpenApiClient = OpenApiModule.default;

/**
 * The baseline for CAMS: the same GetFlow call the adapter makes, through openapi-client's
 * generic `callApi` (ACS3-HMAC-SHA256, httpx's keep-alive agent), with the raw body parsed by
 * `JSON.parse` and nothing else: no validation, no mapping, no retries.
 */
export function bareCamsGetFlow(config: CamsClientConfig): (flowId: string) => Promise<unknown> {
  const client = new OpenApiClient(
    new Config({
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      endpoint: config.endpoint,
      protocol: config.protocol,
    }),
  );
  const params = new Params({
    action: 'GetFlow',
    version: '2020-06-06',
    protocol: config.protocol,
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'string',
  });

  const runtime = new RuntimeOptions({ autoretry: false, maxAttempts: 1 });

  return async (flowId) => {
    const request = new OpenApiRequest({ body: { CustSpaceId: config.custSpaceId, FlowId: flowId } });
    const response = await client.callApi(params, request, runtime);
    const body = JSON.parse(String(response.body)) as { Code?: unknown };
    // A baseline that measured error answers would be meaningless: insist on success.
    if (body.Code !== 'OK') throw new Error(`CAMS baseline got Code ${String(body.Code)}`);
    return body;
  };
}
