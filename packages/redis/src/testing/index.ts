export { type RedisServer, type StartRedisServerOptions, startRedisServer } from './redis-server.js';
