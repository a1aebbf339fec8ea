import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_KINDS, connect, type TestConnection } from './__fixtures__/redis-clients.js';
import { GcraSchedule } from './gcra-schedule.js';
import { GCRA_SCRIPT_SHA1 } from './gcra-script.js';
import { scriptCommands } from './redis-client.js';
import { type RedisServer, startRedisServer } from './testing/redis-server.js';

const TEN_PER_SECOND = 100_000;
/**
 * Tests that need a turn to be still ahead after a few round trips use turns ten seconds apart,
 * so that no pause of a busy machine can let it pass first.
 */
const ONE_IN_TEN_SECONDS = 10_000_000;

let server: RedisServer;
const connections: TestConnection[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await server?.stop();
});

async function open(kind: (typeof CLIENT_KINDS)[number]): Promise<TestConnection> {
  const connection = await connect(kind, server.url);
  connections.push(connection);
  return connection;
}

let budget = 0;
/** A key of its own for each test, so tests never share a schedule. */
const freshKey = () => `test:${++budget}`;

describe('GcraSchedule', () => {
  it('hands concurrent callers on four connections, two per client library, turns exactly one interval apart', async () => {
    const schedules = await Promise.all(
      ['ioredis', 'ioredis', 'redis', 'redis'].map(
        async (kind) => new GcraSchedule(scriptCommands((await open(kind as 'ioredis')).client), 'wabsp:'),
      ),
    );
    const key = freshKey();
    const turns = await Promise.all(
      schedules.flatMap((schedule) =>
        Array.from({ length: 25 }, () => schedule.reserve(key, TEN_PER_SECOND)),
      ),
    );
    const times = turns.map((turn) => BigInt(turn.at)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    expect(gaps).toEqual(Array.from({ length: 99 }, () => BigInt(TEN_PER_SECOND)));
    expect(turns.every((turn) => turn.waitMs >= 0)).toBe(true);
  });

  describe.each(CLIENT_KINDS)('with %s', (kind) => {
    it('gives the next caller a turn given back while it is ahead, and drops one already past', async () => {
      const connection = await open(kind);
      const schedule = new GcraSchedule(scriptCommands(connection.client), 'wabsp:');
      const key = freshKey();
      const [first, second, third] = [
        await schedule.reserve(key, ONE_IN_TEN_SECONDS),
        await schedule.reserve(key, ONE_IN_TEN_SECONDS),
        await schedule.reserve(key, ONE_IN_TEN_SECONDS),
      ];
      await schedule.release(key, second!, ONE_IN_TEN_SECONDS);
      const [nextKey, freedKey] = schedule.keysOf(key);
      expect(await connection.command('ZRANGE', freedKey, '0', '-1')).toEqual([second!.at]);

      const next = await schedule.reserve(key, ONE_IN_TEN_SECONDS);
      expect(next.at).toBe(second!.at);
      expect(await connection.command('ZCARD', freedKey)).toBe(0);
      // The schedule's end did not move: the turn was reused, not added.
      expect(await connection.command('GET', nextKey)).toBe(
        String(BigInt(third!.at) + BigInt(ONE_IN_TEN_SECONDS)),
      );

      await schedule.release(key, first!, ONE_IN_TEN_SECONDS); // already past: nobody can use it
      await schedule.release(key, { at: '1000000', waitMs: 0 }, ONE_IN_TEN_SECONDS);
      expect(await connection.command('ZCARD', freedKey)).toBe(0);
    });

    it('sets its keys to expire when the schedule is over', async () => {
      const connection = await open(kind);
      const schedule = new GcraSchedule(scriptCommands(connection.client), 'wabsp:');
      const key = freshKey();
      const turns = [];
      for (let i = 0; i < 10; i++) turns.push(await schedule.reserve(key, ONE_IN_TEN_SECONDS));
      await schedule.release(key, turns[5]!, ONE_IN_TEN_SECONDS);
      const [nextKey, freedKey] = schedule.keysOf(key);
      // Ten turns ten seconds apart end at most 100 s from now; time passing only lowers the TTLs.
      const nextTtl = Number(await connection.command('PTTL', nextKey));
      const freedTtl = Number(await connection.command('PTTL', freedKey));
      expect(nextTtl).toBeGreaterThan(0);
      expect(nextTtl).toBeLessThanOrEqual(100_000);
      expect(freedTtl).toBeGreaterThan(0);
      expect(freedTtl).toBeLessThanOrEqual(100_000);
    });

    it('runs the script with EVAL when Redis has forgotten it, which caches it again', async () => {
      const connection = await open(kind);
      const schedule = new GcraSchedule(scriptCommands(connection.client), 'wabsp:');
      await connection.command('SCRIPT', 'FLUSH');
      const turn = await schedule.reserve(freshKey(), TEN_PER_SECOND);
      expect(turn.waitMs).toBe(0);
      expect(await connection.command('SCRIPT', 'EXISTS', GCRA_SCRIPT_SHA1)).toEqual([1]);
    });

    it('keeps budgets apart by key and by prefix', async () => {
      const connection = await open(kind);
      const a = new GcraSchedule(scriptCommands(connection.client), 'a:');
      const b = new GcraSchedule(scriptCommands(connection.client), 'b:');
      const key = freshKey();
      const waits = [
        (await a.reserve(key, ONE_IN_TEN_SECONDS)).waitMs,
        (await b.reserve(key, ONE_IN_TEN_SECONDS)).waitMs,
        (await a.reserve(freshKey(), ONE_IN_TEN_SECONDS)).waitMs,
      ];
      expect(waits).toEqual([0, 0, 0]);
    });
  });
});
