/**
 * The two script commands of an `ioredis` client:
 * `evalsha(sha1, numberOfKeys, ...keysAndArguments)` and `eval(script, numberOfKeys, ...)`.
 */
export interface IoredisScriptClient {
  evalsha(sha1: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>;
  eval(script: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>;
}

/** Keys and arguments of a script call, as `redis` (node-redis) takes them. */
export interface NodeRedisScriptOptions {
  keys: string[];
  arguments: string[];
}

/**
 * The two script commands of a `redis` (node-redis) client:
 * `evalSha(sha1, { keys, arguments })` and `eval(script, { keys, arguments })`.
 */
export interface NodeRedisScriptClient {
  evalSha(sha1: string, options: NodeRedisScriptOptions): Promise<unknown>;
  eval(script: string, options: NodeRedisScriptOptions): Promise<unknown>;
}

/**
 * All the limiter needs of a Redis client: a connected `ioredis` or `redis` (node-redis) client
 * satisfies it as it is. For another client, pass an object with these two methods.
 */
export type RedisScriptClient = IoredisScriptClient | NodeRedisScriptClient;

/** Runs scripts through either client shape. */
export interface ScriptCommands {
  evalSha(sha1: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  eval(script: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
}

const NOT_A_CLIENT = 'client must be an ioredis or redis (node-redis) client, or have evalsha and eval';

/** Tells the two shapes apart by node-redis's camel-cased `evalSha`, which ioredis lacks. */
export function scriptCommands(client: RedisScriptClient): ScriptCommands {
  if (typeof client !== 'object' || client === null) {
    throw new TypeError(NOT_A_CLIENT);
  }
  if ('evalSha' in client && typeof client.evalSha === 'function') {
    const nodeRedis = client;
    return {
      evalSha: (sha1, keys, args) => nodeRedis.evalSha(sha1, { keys: [...keys], arguments: [...args] }),
      eval: (script, keys, args) => nodeRedis.eval(script, { keys: [...keys], arguments: [...args] }),
    };
  }
  const ioredis = client as IoredisScriptClient;
  if (typeof ioredis.evalsha !== 'function' || typeof ioredis.eval !== 'function') {
    throw new TypeError(NOT_A_CLIENT);
  }
  return {
    evalSha: (sha1, keys, args) => ioredis.evalsha(sha1, keys.length, ...keys, ...args),
    eval: (script, keys, args) => ioredis.eval(script, keys.length, ...keys, ...args),
  };
}
