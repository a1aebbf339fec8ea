import { RetryOptionsSchema } from '../../client/client-settings.js';
import type { CallOptions } from '../../client/pipeline/operation-runner.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import { optionalPositiveInteger, optionalSignal, rejectUnknownKeys, requireObject } from './input-checks.js';

export const CALL_OPTION_KEYS = ['signal', 'timeoutMs', 'retry'] as const;
const NO_CALL_OPTIONS: CallOptions = Object.freeze({});

/**
 * Checks a call's options: `signal` (AbortSignal), `timeoutMs` (per attempt, ms) and `retry`
 * (the client's retry settings, for this call). Keys set to `undefined` count as absent.
 *
 * @throws InvalidRequestError naming the option at fault.
 */
export function parseCallOptions(options: unknown): CallOptions {
  if (options === undefined) return NO_CALL_OPTIONS;
  const raw = requireObject(options, 'call options');
  rejectUnknownKeys(
    Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)),
    CALL_OPTION_KEYS,
    'call options',
  );
  const signal = optionalSignal(raw.signal);
  const timeoutMs = optionalPositiveInteger(raw.timeoutMs, 'timeoutMs');
  const retry = raw.retry === undefined ? undefined : parseRetry(raw.retry);
  return {
    ...(signal && { signal }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(retry !== undefined && { retry }),
  };
}

function parseRetry(value: unknown): CallOptions['retry'] {
  const result = RetryOptionsSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = ['retry', ...(issue?.path ?? [])].map(String).join('.');
  throw new InvalidRequestError(`\`${field}\`: ${issue?.message ?? 'invalid'}`, { field });
}
