import type { WaitForStatusOptions } from '../../client/waiting/wait-for-status.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import { optionalPositiveInteger, optionalSignal, rejectUnknownKeys, requireObject } from './input-checks.js';

const WAIT_OPTION_KEYS = [
  'until',
  'timeoutMs',
  'signal',
  'pollIntervalMs',
  'maxPollIntervalMs',
  'events',
] as const;

/**
 * The longest pause a timer can hold, in milliseconds (about 24.8 days): Node fires a longer
 * `setTimeout` at once, which would turn the wait into a busy loop.
 */
const MAX_POLL_INTERVAL_MS = 2_147_483_647;

/**
 * Checks the options of `templates.waitForStatus` and `flows.waitForStatus` before anything is
 * read: `until` a non-empty array of the model's statuses (`UNKNOWN` is not one to wait for),
 * `timeoutMs` a positive whole number of milliseconds, `pollIntervalMs` and `maxPollIntervalMs`
 * too (at most 2,147,483,647, a timer's longest), `events` an async iterable, `signal` an
 * AbortSignal, and no other key (a misspelt `timeout` would otherwise be ignored and the wait
 * last its default 10 minutes). Keys set to `undefined` count as absent.
 *
 * @param statuses The statuses `until` may name: `TEMPLATE_STATUSES` or `FLOW_STATUSES`.
 * @throws InvalidRequestError naming the option at fault (`until[1]` for one status).
 */
export function parseWaitOptions<Status extends string>(
  options: unknown,
  statuses: readonly Status[],
  what: string,
): WaitForStatusOptions<Status> {
  const raw = Object.fromEntries(
    Object.entries(requireObject(options, what)).filter(([, value]) => value !== undefined),
  );
  rejectUnknownKeys(raw, WAIT_OPTION_KEYS, `${what} options`);
  const until = raw.until === undefined ? undefined : requireStatuses(raw.until, statuses);
  const timeoutMs = optionalPositiveInteger(raw.timeoutMs, 'timeoutMs');
  const pollIntervalMs = optionalPositiveInteger(raw.pollIntervalMs, 'pollIntervalMs', MAX_POLL_INTERVAL_MS);
  const maxPollIntervalMs = optionalPositiveInteger(
    raw.maxPollIntervalMs,
    'maxPollIntervalMs',
    MAX_POLL_INTERVAL_MS,
  );
  const signal = optionalSignal(raw.signal);
  const events = raw.events === undefined ? undefined : requireAsyncIterable(raw.events);
  return {
    ...(until !== undefined && { until }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(pollIntervalMs !== undefined && { pollIntervalMs }),
    ...(maxPollIntervalMs !== undefined && { maxPollIntervalMs }),
    ...(signal !== undefined && { signal }),
    ...(events !== undefined && { events }),
  };
}

function requireStatuses<Status extends string>(value: unknown, statuses: readonly Status[]): Status[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidRequestError(
      `\`until\` must be a non-empty array of statuses, e.g. ['${statuses[0]}']; one of: ${statuses.join(', ')}`,
      { field: 'until' },
    );
  }
  value.forEach((status, index) => {
    if (typeof status !== 'string' || !(statuses as readonly string[]).includes(status)) {
      throw new InvalidRequestError(`\`until[${index}]\` must be one of: ${statuses.join(', ')}`, {
        field: `until[${index}]`,
      });
    }
  });
  return [...value] as Status[];
}

function requireAsyncIterable(value: unknown): WaitForStatusOptions<string>['events'] {
  const iterable =
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
  if (!iterable) {
    throw new InvalidRequestError(
      '`events` must be an async iterable of webhook events, such as createWebhookEventStream() gives',
      { field: 'events' },
    );
  }
  return value as WaitForStatusOptions<string>['events'];
}
