import type { EmulatorFlow } from '../model.js';
import { FLOW_JSON_VERSIONS } from './check-flow-json.js';

/** The version a new flow's starting document declares: the newest Meta accepts. */
export const DEFAULT_FLOW_JSON_VERSION = FLOW_JSON_VERSIONS.at(-1) as string;

/**
 * The Flow JSON served for a flow that has never had one uploaded (a new flow, or one of the
 * generated records): a one-screen "Hello World" document, the starting point Meta's Flow Builder
 * shows for a new flow, in the flow's own `jsonVersion`. It passes the emulator's checks, and the
 * same flow always gets the same bytes.
 */
export function defaultFlowJson(flow: Pick<EmulatorFlow, 'jsonVersion'>): string {
  const version =
    flow.jsonVersion && FLOW_JSON_VERSIONS.includes(flow.jsonVersion)
      ? flow.jsonVersion
      : DEFAULT_FLOW_JSON_VERSION;
  const document = {
    version,
    screens: [
      {
        id: 'WELCOME_SCREEN',
        title: 'Hello World',
        terminal: true,
        data: {},
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextHeading', text: 'Hello World' },
            { type: 'TextBody', text: 'Let’s start building things!' },
            { type: 'Footer', label: 'Complete', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
