import Cams, { GetFlowRequest } from '@alicloud/cams20200606';
import { Config } from '@alicloud/openapi-client';
import type { CamsClientConfig } from '@whatsapp-bsp/emulator';

// CommonJS module: Node hands ES modules the whole `exports` object as the default import.
const CamsClient = Cams.default;

/**
 * The peer for CAMS: GetFlow through Alibaba's official SDK, `@alicloud/cams20200606`, used as its
 * documentation shows (a client per configuration, `getFlow` with a request model), over the same
 * openapi-client and keep-alive agent as the adapter. The SDK parses the JSON and casts it into
 * its response models; it does not check the answer's fields or retry.
 */
export function camsSdkGetFlow(config: CamsClientConfig): (flowId: string) => Promise<unknown> {
  const client = new CamsClient(
    new Config({
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      endpoint: config.endpoint,
      protocol: config.protocol,
    }),
  );
  return async (flowId) => {
    const response = await client.getFlow(new GetFlowRequest({ custSpaceId: config.custSpaceId, flowId }));
    // A peer that measured error answers would be meaningless: insist on success.
    if (response.body?.code !== 'OK') throw new Error(`CAMS SDK got Code ${String(response.body?.code)}`);
    return response;
  };
}
