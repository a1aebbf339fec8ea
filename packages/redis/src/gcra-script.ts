import { createHash } from 'node:crypto';

/*
 * GCRA (the generic cell rate algorithm) with no burst: each caller is handed a turn at least
 * one interval after every turn handed out before it, so requests leave evenly spaced and no
 * window, wherever it starts, holds more than the quota. It runs as one script, so the read and
 * the write of the schedule are atomic across every process sharing it, on Redis's own clock
 * (TIME), so processes whose clocks disagree still keep one schedule.
 *
 * KEYS[1]: when the next new turn is due. KEYS[2]: turns given back by aborted callers, a sorted
 * set. Both expire when the schedule they describe is over.
 * ARGV: 'reserve', interval | 'release', interval, turn. Times are whole microseconds.
 * 'reserve' returns { turn, wait } as strings; 'release' returns 1 when the turn was kept for
 * another caller, 0 when it had already passed.
 *
 * Microsecond epochs (about 1.8e15) fit a Lua number exactly, but Lua's tostring writes them as
 * 1.8e+15, so they are formatted with %.0f wherever they leave the script.
 */
export const GCRA_SCRIPT = `
local function whole(number) return string.format('%.0f', number) end

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[2])

if ARGV[1] == 'reserve' then
  -- A turn given back is reused only while it is still ahead: one already past would crowd the
  -- request due after it.
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. whole(now))
  local freed = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  local turn
  if freed then
    redis.call('ZREM', KEYS[2], freed)
    turn = tonumber(freed)
  else
    turn = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
    local next_turn = turn + interval
    redis.call('SET', KEYS[1], whole(next_turn), 'PX', whole(math.ceil((next_turn - now) / 1000)))
  end
  return { whole(turn), whole(turn - now) }
end

local turn = tonumber(ARGV[3])
if turn < now then return 0 end
redis.call('ZADD', KEYS[2], whole(turn), whole(turn))
-- Every turn given back is before the next new turn, so the set lives as long as that key.
local ttl = math.max(redis.call('PTTL', KEYS[1]), math.ceil((turn - now) / 1000) + 1)
redis.call('PEXPIRE', KEYS[2], whole(ttl))
return 1
`;

export const GCRA_SCRIPT_SHA1 = createHash('sha1').update(GCRA_SCRIPT).digest('hex');
