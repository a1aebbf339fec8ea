import type { IoredisScriptClient, NodeRedisScriptClient, RedisScriptClient } from '@whatsapp-bsp/redis';

/**
 * Wraps a Redis client so that the turn of every reservation the limiter makes through it is
 * pushed onto `turns` (epoch microseconds on Redis's clock, as the limiter's script answers
 * `[turn, wait]`). Tests judge the shared schedule by these, free of any delay on the way to the
 * vendor.
 */
export function recordingTurns(client: RedisScriptClient, turns: number[]): RedisScriptClient {
  const keep = (reserving: boolean) => (reply: unknown) => {
    if (reserving && Array.isArray(reply) && typeof reply[0] === 'string') turns.push(Number(reply[0]));
    return reply;
  };
  if ('evalSha' in client) {
    const nodeRedis: NodeRedisScriptClient = client;
    return {
      evalSha: (sha1, options) =>
        nodeRedis.evalSha(sha1, options).then(keep(options.arguments[0] === 'reserve')),
      eval: (script, options) =>
        nodeRedis.eval(script, options).then(keep(options.arguments[0] === 'reserve')),
    } satisfies NodeRedisScriptClient;
  }
  const ioredis = client as IoredisScriptClient;
  return {
    evalsha: (sha1, keys, ...rest) =>
      ioredis.evalsha(sha1, keys, ...rest).then(keep(rest[keys] === 'reserve')),
    eval: (script, keys, ...rest) => ioredis.eval(script, keys, ...rest).then(keep(rest[keys] === 'reserve')),
  } satisfies IoredisScriptClient;
}
