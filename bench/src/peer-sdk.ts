import type { Benchmark } from './benchmark.js';
import { camsSdkGetFlow } from './cams-sdk.js';
import { compareGetFlow, GET_FLOW_CALLS, GET_FLOW_ROUNDS } from './get-flow-comparison.js';
import { perCallComparison } from './per-call-cost.js';
import { withRemoteEmulator } from './remote-emulator.js';
import { vendorClient } from './vendor-clients.js';

/**
 * Benchmark 7: CAMS `flows.get` through whatsapp-bsp against `getFlow` of Alibaba's official SDK
 * on the same emulator, measured as per-call cost is (benchmark 1). The library does more than
 * the SDK (it checks the answer against its schema and maps it to the model), and must still
 * cost no more per call than what a user of the SDK would otherwise write.
 */
export const peerSdk: Benchmark = {
  name: 'peer-sdk',
  title: `11. peer: CAMS flows.get against the official SDK's getFlow, ${GET_FLOW_CALLS} sequential calls per side × ${GET_FLOW_ROUNDS} rounds`,
  run: (log) =>
    withRemoteEmulator({}, async (emulator) => {
      const client = vendorClient('cams', emulator, { rateLimit: false });
      const sdkGetFlow = camsSdkGetFlow(emulator.cams);
      const row = await compareGetFlow(
        'cams',
        {
          viaClient: () => client.flows.get(emulator.flowId),
          viaBaseline: () => sdkGetFlow(emulator.flowId),
          baselineName: 'SDK',
        },
        perCallComparison({ benchmark: '11 peer, CAMS flows.get / SDK getFlow', target: { atMost: 1 } }),
        log,
      );
      return [row];
    }),
};
