import { camsCapabilities } from '@whatsapp-bsp/cams';
import type { Benchmark } from './benchmark.js';
import { withRemoteEmulator } from './remote-emulator.js';
import { ratioRow } from './report.js';
import { summarize } from './statistics.js';
import { vendorClient } from './vendor-clients.js';

const TEMPLATES = 200;
const LIST_RATE = camsCapabilities.rateLimits['templates.list']!;
const DETAIL_RATE = camsCapabilities.rateLimits['templates.get']!;

/**
 * Benchmark 6: CAMS lists templates without components, so `withComponents` fetches each
 * template's detail. Under CAMS's default budget (5 requests/s per operation) the listing can
 * take no less than the busiest operation's requests, evenly spaced at its rate; the client
 * should come close to that ideal. The emulator enforces the same quotas, as CAMS would.
 */
export const withComponents: Benchmark = {
  name: 'with-components',
  title: `6. templates.list({ withComponents: true }) on CAMS, ${TEMPLATES} templates at the default budget`,
  run: (log) =>
    withRemoteEmulator(
      {
        data: { flows: 2, templates: TEMPLATES },
        faults: [
          { kind: 'quota', vendor: 'cams', operation: 'ListChatappTemplate', requestsPerSecond: LIST_RATE },
          {
            kind: 'quota',
            vendor: 'cams',
            operation: 'GetChatappTemplateDetail',
            requestsPerSecond: DETAIL_RATE,
          },
        ],
      },
      async (emulator) => {
        const client = vendorClient('cams', emulator);
        const started = performance.now();
        const templates = await client.templates.list({ withComponents: true }).toArray();
        const elapsedSeconds = (performance.now() - started) / 1000;
        const counts = await emulator.requests();

        if (
          templates.length !== TEMPLATES ||
          templates.some((template) => !Array.isArray(template.components))
        ) {
          throw new Error(`expected ${TEMPLATES} templates with components, got ${templates.length}`);
        }
        const lists = counts.byOperation.cams.ListChatappTemplate ?? 0;
        const details = counts.byOperation.cams.GetChatappTemplateDetail ?? 0;
        // n requests at r per second need (n - 1) / r seconds between the first and the last.
        const idealSeconds = Math.max((lists - 1) / LIST_RATE, (details - 1) / DETAIL_RATE);
        log(
          `  ${lists} list and ${details} detail requests (${counts.throttled} throttled) in ${elapsedSeconds.toFixed(2)} s; ideal ${idealSeconds.toFixed(2)} s`,
        );
        return [
          ratioRow({
            benchmark: `6 withComponents, CAMS, ${lists} + ${details} requests`,
            figure: summarize([elapsedSeconds]),
            baseline: summarize([idealSeconds]),
            ratio: summarize([elapsedSeconds / idealSeconds]),
            unit: ' s',
            digits: 2,
            target: { atMost: 1.1 },
          }),
        ];
      },
    ),
};
