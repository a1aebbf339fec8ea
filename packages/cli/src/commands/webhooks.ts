import {
  createWebhookReceiver,
  loadConfig,
  type WebhookEvent,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from '@whatsapp-bsp/core';
import { type Emulator, formatEmulatorBanner, startEmulator } from '@whatsapp-bsp/emulator';
import type { CliIo } from '../cli-io.js';
import { emulatorCreateHint } from '../emulator-create-hint.js';
import type { Output } from '../output.js';
import { UsageError } from '../render-error.js';
import { renderWebhookEvent } from '../render-webhook-event.js';
import { startWebhookListener } from '../webhook-listener.js';
import { type CommandDefinition, expectNoMore, integerFlag, stringFlag } from './command.js';

const PROVIDERS = ['nxcloud', 'cams'] as const;

interface ListenSettings {
  port: number;
  provider?: string;
  config?: string;
  emulator: boolean;
}

/** `wabsp webhooks …`: the vendors' callbacks. */
export const WEBHOOK_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['webhooks', 'listen'],
    usage: `webhooks listen [--port N] [--provider nxcloud|cams] [--ndjson]
               with --emulator: both vendors (or --provider's) of a local emulator post here`,
    flags: { port: { type: 'string' } },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      if (flags.json) throw new UsageError('wabsp webhooks listen prints events as they come: use --ndjson');
      const settings: ListenSettings = {
        port: integerFlag(flags, 'port', { min: 0, max: 65535, note: '0 picks a free port' }) ?? 0,
        emulator: flags.emulator === true,
      };
      const provider = stringFlag(flags, 'provider');
      if (provider !== undefined) settings.provider = provider;
      const config = stringFlag(flags, 'config');
      if (config !== undefined) settings.config = config;
      if (
        settings.emulator &&
        provider !== undefined &&
        !(PROVIDERS as readonly string[]).includes(provider)
      ) {
        throw new UsageError(`--provider must be ${PROVIDERS.join(' or ')} with --emulator`);
      }
      return { needsClient: false, run: (io, output) => listen(settings, io, output) };
    },
  },
];

/** Prints each event the vendors post until stopped (Ctrl-C). */
async function listen(settings: ListenSettings, io: CliIo, output: Output): Promise<void> {
  const stopped = io.untilStopped();
  const onError = (error: unknown) =>
    output.status(`callback refused: ${error instanceof Error ? error.message : String(error)}`);
  const onEvent = async (event: WebhookEvent) => output.show(event, renderWebhookEvent);

  let emulator: Emulator | undefined;
  let receivers: WebhookReceiver[];
  if (settings.emulator) {
    emulator = await startEmulator();
    receivers = await emulatorReceivers(emulator, settings.provider, onError);
  } else {
    const config = await loadConfig({
      ...(settings.provider !== undefined ? { provider: settings.provider } : {}),
      ...(settings.config !== undefined ? { path: settings.config } : {}),
      env: io.env,
    });
    receivers = [await createWebhookReceiver(config, { onError })];
  }
  try {
    const listener = await startWebhookListener(receivers, settings.port, onEvent).catch((error: unknown) => {
      throw portTaken(error, settings.port) ?? error;
    });
    try {
      if (emulator) {
        for (const { providerId } of receivers) {
          emulator.webhooks.register(providerId as 'nxcloud' | 'cams', listener.urlFor(providerId));
        }
        output.status(formatEmulatorBanner(emulator));
        output.status(emulatorGuide(emulator, receivers, listener.urlFor));
      } else {
        const [receiver] = receivers;
        output.status(
          `Listening for ${receiver?.providerId} callbacks on ${listener.urlFor(receiver?.providerId ?? '')} (any path); Ctrl-C stops.`,
        );
      }
      await stopped;
    } finally {
      await listener.close();
    }
  } finally {
    await emulator?.close();
  }
  io.stderr.write('stopped listening\n');
}

/**
 * Receivers for the emulator's vendors, built from its test accounts. The emulator signs NXCloud's
 * callbacks, and the NXCloud receiver checks the signature, as a careful user would set it up.
 */
async function emulatorReceivers(
  emulator: Emulator,
  provider: string | undefined,
  onError: (error: unknown) => void,
): Promise<WebhookReceiver[]> {
  emulator.webhooks.configure({ nxcloudSignature: {} });
  const chosen = provider === undefined ? PROVIDERS : PROVIDERS.filter((name) => name === provider);
  return Promise.all(
    chosen.map((name) => {
      const options: WebhookReceiverOptions =
        name === 'nxcloud' ? { onError, authentication: { type: 'signature' } } : { onError };
      const config =
        name === 'nxcloud'
          ? { provider: name, nxcloud: { ...emulator.nxcloud.config } }
          : { provider: name, cams: { ...emulator.cams.config } };
      return createWebhookReceiver(config, options);
    }),
  );
}

function emulatorGuide(
  emulator: Emulator,
  receivers: readonly WebhookReceiver[],
  urlFor: (provider: string) => string,
): string {
  const where = receivers
    .map(({ providerId }) => `  ${providerId.padEnd(8)} ${urlFor(providerId)}`)
    .join('\n');
  return `Listening for the emulator's callbacks on
${where}
Templates created through the emulator (NXCloud createTemplate, CAMS CreateChatappTemplate) are
PENDING, then reviewed after 200 ms; each review result is printed here. To create one, run in
another terminal (until wabsp has a command for it):

  ${emulatorCreateHint(emulator.nxcloud.config)}
`;
}

/** A port the listener cannot take is the caller's choice to change: a usage error. */
function portTaken(error: unknown, port: number): UsageError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return undefined;
  return new UsageError(
    `port ${port} ${code === 'EADDRINUSE' ? 'is in use' : 'needs privileges'}: choose another --port, or 0 for a free one`,
  );
}
