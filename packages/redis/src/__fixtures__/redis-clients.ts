import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisScriptClient } from '../redis-client.js';

export type ClientKind = 'ioredis' | 'redis';
export const CLIENT_KINDS: readonly ClientKind[] = ['ioredis', 'redis'];

/** A test's connection: the client as users pass it, plus a raw command line for inspecting keys. */
export interface TestConnection {
  readonly client: RedisScriptClient;
  command(...args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Connects with each library's default options, as a user would. Both keep reconnecting when
 * the server goes away; the error listener keeps that from being reported as unhandled.
 */
export async function connect(
  kind: ClientKind,
  url: string,
  options: { wait?: boolean } = {},
): Promise<TestConnection> {
  const wait = options.wait ?? true;
  if (kind === 'ioredis') {
    const client = new Redis(url, { lazyConnect: true });
    client.on('error', () => {});
    const connecting = client.connect();
    if (wait) await connecting;
    else connecting.catch(() => {});
    return {
      client,
      command: (...args) => client.call(args[0]!, ...args.slice(1)),
      close: async () => client.disconnect(),
    };
  }
  const client = createClient({ url });
  client.on('error', () => {});
  const connecting = client.connect();
  if (wait) await connecting;
  else connecting.catch(() => {});
  return {
    client,
    command: (...args) => client.sendCommand(args),
    close: async () => client.destroy(),
  };
}
