import { fork } from 'node:child_process';
import type { RequestArrival, RequestCountsSnapshot, StartEmulatorOptions } from '@whatsapp-bsp/emulator';
import {
  arrivalsSchema,
  type EmulatorCommand,
  type EmulatorMessage,
  emulatorMessageSchema,
  requestCountsSchema,
} from './emulator-messages.js';

type ReadyMessage = Extract<EmulatorMessage, { type: 'ready' }>;

/** The options that can cross a process boundary: plain data, no clock; faults are set at start. */
export type RemoteEmulatorOptions = Pick<StartEmulatorOptions, 'seed' | 'data' | 'faults'>;

/** An emulator running in a child process, driven over IPC. */
export interface RemoteEmulator {
  readonly nxcloud: ReadyMessage['nxcloud'];
  readonly cams: ReadyMessage['cams'];
  /** A flow that exists on both vendors' servers. */
  readonly flowId: string;
  requests(): Promise<RequestCountsSnapshot>;
  /** The latest requests with their arrival times on the emulator's clock, oldest first. */
  arrivals(): Promise<RequestArrival[]>;
  resetRequests(): Promise<void>;
  close(): Promise<void>;
}

type Pending = { resolve: (result: unknown) => void; reject: (error: Error) => void };

export async function startRemoteEmulator(options: RemoteEmulatorOptions = {}): Promise<RemoteEmulator> {
  const child = fork(new URL('./emulator-process.js', import.meta.url), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const { reject } of pending.values()) reject(new Error(`emulator process exited (${code})`));
    pending.clear();
  });

  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator process exited before it was ready (${code})`)));
    child.on('message', (raw: unknown) => {
      const message = emulatorMessageSchema.parse(raw);
      if (message.type === 'ready') {
        resolve(message);
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error === undefined) waiting?.resolve(message.result);
      else waiting?.reject(new Error(`emulator: ${message.error}`));
    });
  });

  const call = (method: EmulatorCommand['method']) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, method } satisfies EmulatorCommand);
    });

  return {
    nxcloud: ready.nxcloud,
    cams: ready.cams,
    flowId: ready.flowId,
    requests: async () => requestCountsSchema.parse(await call('requests')),
    arrivals: async () => arrivalsSchema.parse(await call('arrivals')),
    resetRequests: async () => {
      await call('resetRequests');
    },
    close: async () => {
      if (child.exitCode === null && child.connected) await call('close');
      await exited;
    },
  };
}

/** Runs `use` with a fresh emulator process and always stops it afterwards. */
export async function withRemoteEmulator<T>(
  options: RemoteEmulatorOptions,
  use: (emulator: RemoteEmulator) => Promise<T>,
): Promise<T> {
  const emulator = await startRemoteEmulator(options);
  try {
    return await use(emulator);
  } finally {
    await emulator.close();
  }
}
