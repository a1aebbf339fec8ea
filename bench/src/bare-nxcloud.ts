import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import type { NxcloudClientConfig } from '@whatsapp-bsp/emulator';
import got from 'got';

/**
 * The baseline for NXCloud: the same signed queryFlowById request the adapter sends (body
 * serialised once, md5 over headers, body and secret, got POST over a keep-alive agent), with
 * the answer parsed by `JSON.parse` and nothing else: no validation, no mapping, no retries.
 */
export function bareNxcloudGetFlow(config: NxcloudClientConfig): (flowId: string) => Promise<unknown> {
  const http = got.extend({
    agent: { http: new Agent({ keepAlive: true }) },
    retry: { limit: 0 },
    responseType: 'text',
  });
  const url = `${config.baseUrl}/api/wa/queryFlowById`;
  const action = 'queryFlowById';
  const bizType = '2';

  return async (flowId) => {
    const body = JSON.stringify({
      appkey: config.appKey,
      business_phone: config.businessPhone,
      messaging_product: 'whatsapp',
      flow_id: flowId,
    });
    const ts = String(Date.now());
    const sign = createHash('md5')
      .update(
        `accessKey=${config.accessKey}&action=${action}&bizType=${bizType}&ts=${ts}&body=${body}&accessSecret=${config.accessSecret}`,
      )
      .digest('hex');
    const response = await http.post(url, {
      body,
      headers: { accessKey: config.accessKey, ts, bizType, action, sign, 'Content-Type': 'application/json' },
    });
    const envelope = JSON.parse(response.body) as { code?: unknown };
    // A baseline that measured error answers would be meaningless: insist on success.
    if (envelope.code !== 0) throw new Error(`NXCloud baseline got code ${String(envelope.code)}`);
    return envelope;
  };
}
