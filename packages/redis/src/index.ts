export type {
  IoredisScriptClient,
  NodeRedisScriptClient,
  NodeRedisScriptOptions,
  RedisScriptClient,
} from './redis-client.js';
export { RedisRateLimiter, type RedisRateLimiterOptions, redisRateLimiter } from './redis-rate-limiter.js';
