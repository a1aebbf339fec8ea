import { startEmulator } from '@whatsapp-bsp/emulator';
import { type EmulatorCommand, type EmulatorMessage, emulatorCommandSchema } from './emulator-messages.js';

/*
 * The emulator in a process of its own, started by `startRemoteEmulator`. The vendor server's
 * CPU time, garbage and heap stay out of the process being measured, as they would with a real
 * vendor, and on a multi-core machine the two sides run side by side.
 */

const send = (message: EmulatorMessage) =>
  new Promise<void>((resolve) => {
    if (process.send === undefined) throw new Error('emulator-process.js runs as a forked child only');
    process.send(message, () => resolve());
  });

const emulator = await startEmulator(JSON.parse(process.argv[2] ?? '{}'));

async function handle(command: EmulatorCommand): Promise<unknown> {
  switch (command.method) {
    case 'requests':
      return emulator.requests.snapshot();
    case 'arrivals':
      return emulator.requests.arrivals();
    case 'resetRequests':
      emulator.requests.reset();
      return null;
    case 'close':
      await emulator.close();
      return null;
  }
}

process.on('message', async (message: unknown) => {
  const command = emulatorCommandSchema.parse(message);
  try {
    const result = await handle(command);
    await send({ type: 'reply', id: command.id, result });
  } catch (error) {
    await send({
      type: 'reply',
      id: command.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  // With the servers closed and the channel gone, nothing keeps this process alive.
  if (command.method === 'close') process.disconnect();
});

// The parent went away without closing: stop serving so this process ends too.
process.on('disconnect', () => void emulator.close());

const [firstFlow] = emulator.store.flows.slice(0, 1);
await send({
  type: 'ready',
  nxcloud: emulator.nxcloud.config,
  cams: emulator.cams.config,
  flowId: firstFlow?.id ?? '',
});
