import type { IoredisScriptClient, NodeRedisScriptClient, RedisScriptClient } from '@whatsapp-bsp/redis';
import { Redis } from 'ioredis';
import { createClient } from 'redis';

export type RedisClientKind = 'ioredis' | 'redis';
export const REDIS_CLIENT_KINDS: readonly RedisClientKind[] = ['ioredis', 'redis'];
export const REDIS_CLIENT_TITLES: Readonly<Record<RedisClientKind, string>> = {
  ioredis: 'ioredis',
  redis: 'node-redis',
};

/** A client that passes every call on, and `replay`, which sends its last EVALSHA again straight through the library. */
export interface EvalshaRecorder {
  readonly client: RedisScriptClient;
  replay(): Promise<unknown>;
}

/** One Redis connection through either library, with what the benchmark needs of it. */
export interface RedisConnection {
  readonly client: RedisScriptClient;
  recorder(): EvalshaRecorder;
  close(): void;
}

export async function connectRedis(kind: RedisClientKind, url: string): Promise<RedisConnection> {
  return kind === 'ioredis' ? connectIoredis(url) : connectNodeRedis(url);
}

async function connectIoredis(url: string): Promise<RedisConnection> {
  const client = new Redis(url);
  await new Promise<void>((resolve, reject) => client.once('ready', resolve).once('error', reject));
  return {
    client,
    recorder() {
      let last: [string, number, ...string[]] | undefined;
      const recording: IoredisScriptClient = {
        evalsha: (sha1, numberOfKeys, ...rest) => {
          last = [sha1, numberOfKeys, ...rest];
          return client.evalsha(sha1, numberOfKeys, ...rest);
        },
        eval: (script, numberOfKeys, ...rest) => client.eval(script, numberOfKeys, ...rest),
      };
      return {
        client: recording,
        replay: () => (last ? client.evalsha(...last) : Promise.reject(new Error('nothing recorded'))),
      };
    },
    close: () => client.disconnect(),
  };
}

async function connectNodeRedis(url: string): Promise<RedisConnection> {
  const client = createClient({ url });
  await client.connect();
  return {
    client,
    recorder() {
      let last: [string, { keys: string[]; arguments: string[] }] | undefined;
      const recording: NodeRedisScriptClient = {
        evalSha: (sha1, options) => {
          last = [sha1, options];
          return client.evalSha(sha1, options);
        },
        eval: (script, options) => client.eval(script, options),
      };
      return {
        client: recording,
        replay: () => (last ? client.evalSha(...last) : Promise.reject(new Error('nothing recorded'))),
      };
    },
    close: () => client.destroy(),
  };
}
