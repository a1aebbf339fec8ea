/*
 * What the flow write contracts send. Adapters' scenarios answer for these values; the suite
 * compares what comes back with them.
 */

/**
 * A Flow JSON that passes offline validation (`validateFlowJson`): one terminal screen whose
 * Footer completes the flow. As text, with two-space indentation and a final line break, so that
 * a scenario can check the vendor received it byte-for-byte.
 */
export const CONTRACT_FLOW_JSON = `${JSON.stringify(
  {
    version: '7.2',
    screens: [
      {
        id: 'WELCOME',
        title: 'Welcome',
        terminal: true,
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextBody', text: 'Thanks for signing up.' },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  },
  null,
  2,
)}\n`;
