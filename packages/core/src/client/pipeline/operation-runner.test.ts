import { describe, expect, it } from 'vitest';
import { flow, ScriptedProvider } from '../../__fixtures__/scripted-provider.js';
import type { BspError } from '../../errors/bsp-error.js';
import { AuthenticationError, ProviderUnavailableError, RateLimitError } from '../../errors/error-classes.js';
import { FakeClock } from '../../testing/fake-clock.js';
import type { ClientSettings } from '../client-settings.js';
import { createClient } from '../create-client.js';

function setup(settings: ClientSettings = {}) {
  const provider = new ScriptedProvider();
  const clock = new FakeClock();
  const events: { kind: string; event: unknown }[] = [];
  const client = createClient({
    provider,
    clock,
    random: () => 0.5,
    rateLimit: false,
    hooks: {
      onRequest: (event) => events.push({ kind: 'request', event }),
      onResponse: (event) => events.push({ kind: 'response', event }),
      onRetry: (event) => events.push({ kind: 'retry', event }),
    },
    ...settings,
  });
  return { provider, clock, client, events };
}

const unavailable = () =>
  new ProviderUnavailableError('vendor busy', { provider: 'scripted', vendorCode: 9001 });

describe('retries', () => {
  it('retries a retryable failure and reports the attempts and the time waited', async () => {
    const { provider, client, clock } = setup({ retry: { initialDelayMs: 100 } });
    provider.script.getFlow.push(unavailable(), unavailable(), { value: flow('1') });
    const result = await client.flows.get('1');
    expect(result.id).toBe('1');
    expect(result.$metadata.attempts).toBe(3);
    // Full jitter with random() = 0.5: half of 100, then half of 200.
    expect(clock.sleeps).toEqual([50, 100]);
    expect(result.$metadata.totalRetryDelayMs).toBe(150);
    expect(provider.calls.map((call) => call.context.attempt)).toEqual([1, 2, 3]);
  });

  it('gives up after maxAttempts and throws the last error with attempts set', async () => {
    const { provider, client } = setup({ retry: { maxAttempts: 4 } });
    provider.script.getFlow.push(unavailable(), unavailable(), unavailable(), unavailable(), {
      value: flow('1'),
    });
    const error = await client.flows.get('1').catch((e: unknown) => e);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect((error as BspError).attempts).toBe(4);
    expect(provider.calls).toHaveLength(4);
  });

  it('never retries an error that is not retryable', async () => {
    const { provider, client } = setup();
    provider.script.getFlow.push(new AuthenticationError('bad signature', { vendorCode: 1003 }), {
      value: flow('1'),
    });
    const error = await client.flows.get('1').catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as BspError).attempts).toBe(1);
    expect(provider.calls).toHaveLength(1);
  });

  it('caps each back-off delay at maxDelayMs', async () => {
    const { provider, client, clock } = setup({
      random: () => 0.999,
      retry: { maxAttempts: 6, initialDelayMs: 1_000, maxDelayMs: 2_500 },
    });
    provider.script.getFlow.push(unavailable(), unavailable(), unavailable(), unavailable(), unavailable(), {
      value: flow('1'),
    });
    await client.flows.get('1');
    expect(Math.max(...clock.sleeps)).toBeLessThan(2_500);
    expect(clock.sleeps[0]).toBeLessThan(1_000);
  });

  it('waits what Retry-After asks when it is within the cap', async () => {
    const { provider, client, clock } = setup();
    provider.script.getFlow.push(new RateLimitError('slow down', { retryAfterMs: 2_000 }), {
      value: flow('1'),
    });
    const result = await client.flows.get('1');
    expect(clock.sleeps).toEqual([2_000]);
    expect(result.$metadata).toMatchObject({ attempts: 2, totalRetryDelayMs: 2_000 });
  });

  it('gives up at once when Retry-After exceeds maxRetryAfterMs', async () => {
    const { provider, client, clock } = setup({ retry: { maxRetryAfterMs: 5_000 } });
    provider.script.getFlow.push(new RateLimitError('slow down', { retryAfterMs: 3_600_000 }), {
      value: flow('1'),
    });
    const error = await client.flows.get('1').catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as BspError).retryAfterMs).toBe(3_600_000);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops at once when aborted during a back-off, without another attempt', async () => {
    const provider = new ScriptedProvider();
    const controller = new AbortController();
    const client = createClient({
      provider,
      rateLimit: false,
      clock: {
        now: () => 0,
        sleep: (_ms, signal) => {
          controller.abort(new Error('user gave up'));
          return Promise.reject(signal?.reason);
        },
      },
    });
    provider.script.getFlow.push(unavailable(), { value: flow('1') });
    await expect(client.flows.get('1', { signal: controller.signal })).rejects.toThrow('user gave up');
    expect(provider.calls).toHaveLength(1);
  });

  it('does not start when the signal is already aborted', async () => {
    const { provider, client } = setup();
    await expect(client.flows.get('1', { signal: AbortSignal.abort(new Error('stop')) })).rejects.toThrow(
      'stop',
    );
    expect(provider.calls).toHaveLength(0);
  });

  it('rethrows an abort that lands mid-request as the abort, not as a timeout', async () => {
    const { provider, client } = setup();
    const controller = new AbortController();
    provider.script.getFlow.push(() => {
      controller.abort(new Error('cancelled by user'));
      return new Promise(() => {});
    });
    await expect(client.flows.get('1', { signal: controller.signal })).rejects.toThrow('cancelled by user');
    expect(provider.calls).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('bounds an attempt even when the adapter ignores its signal, and retries it', async () => {
    const { provider, client } = setup({ timeoutMs: 10, retry: { maxAttempts: 2 } });
    provider.script.getFlow.push(
      () => new Promise(() => {}),
      () => new Promise(() => {}),
    );
    const error = await client.flows.get('1').catch((e: unknown) => e);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect((error as BspError).message).toBe('flows.get timed out after 10 ms');
    expect((error as BspError).attempts).toBe(2);
  });

  it('hands the adapter a signal that aborts on timeout, and the time budget', async () => {
    const { provider, client } = setup({ retry: { maxAttempts: 1 } });
    provider.script.getFlow.push(
      (context) =>
        new Promise((_, reject) =>
          context.signal.addEventListener('abort', () => reject(new Error('transport aborted'))),
        ),
    );
    await expect(client.flows.get('1', { timeoutMs: 5 })).rejects.toThrow('timed out after 5 ms');
    expect(provider.calls[0]?.context.timeoutMs).toBe(5);
    expect(provider.calls[0]?.context.signal.reason).toMatchObject({
      message: 'flows.get timed out after 5 ms',
    });
  });

  it('hands a signal first read after the timeout already aborted, with the timeout as its reason', async () => {
    const { provider, client } = setup({ retry: { maxAttempts: 1 } });
    let signalReadLate: AbortSignal | undefined;
    provider.script.getFlow.push(
      (context) =>
        new Promise((_, reject) =>
          setTimeout(() => {
            signalReadLate = context.signal;
            reject(new Error('gave up late'));
          }, 30),
        ),
    );
    await expect(client.flows.get('1', { timeoutMs: 5 })).rejects.toThrow('timed out after 5 ms');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(signalReadLate?.aborted).toBe(true);
    expect(signalReadLate?.reason).toMatchObject({ message: 'flows.get timed out after 5 ms' });
  });

  it('tells onAbort listeners of the caller abort, and a listener added afterwards at once', async () => {
    const { provider, client } = setup({ retry: { maxAttempts: 1 } });
    const heard: unknown[] = [];
    const reason = new Error('caller gave up');
    const controller = new AbortController();
    provider.script.getFlow.push(
      (context) =>
        new Promise((_, reject) => {
          context.onAbort((why) => {
            heard.push(why);
            context.onAbort((again) => heard.push(again));
            reject(new Error('transport aborted'));
          });
          const removed = context.onAbort(() => heard.push('removed listener ran'));
          removed();
          setTimeout(() => controller.abort(reason), 1);
        }),
    );
    await expect(client.flows.get('1', { signal: controller.signal })).rejects.toBe(reason);
    expect(heard).toEqual([reason, reason]);
  });
});

describe('hooks', () => {
  it('sees requests, responses and retries with redacted summaries only', async () => {
    const { provider, client, events } = setup();
    provider.script.getFlow.push(unavailable(), { value: flow('1'), requestId: 'r-2' });
    await client.flows.get('1');
    expect(events.map((e) => e.kind)).toEqual(['request', 'response', 'retry', 'request', 'response']);
    expect(events[1]?.event).toMatchObject({
      provider: 'scripted',
      operation: 'flows.get',
      attempt: 1,
      error: {
        name: 'ProviderUnavailableError',
        code: 'UNAVAILABLE',
        vendorCode: 9001,
        message: 'vendor busy',
      },
    });
    expect(events[2]?.event).toMatchObject({ attempt: 1, delayMs: 100 });
    expect(events[4]?.event).toMatchObject({ attempt: 2, requestId: 'r-2' });
    expect(events[0]?.event).toEqual({
      provider: 'scripted',
      operation: 'flows.get',
      attempt: 1,
      request: { id: '1' },
    });
  });

  it('keeps a call working when a hook throws, and reports it as a warning', async () => {
    const provider = new ScriptedProvider();
    provider.script.getFlow.push({ value: flow('1') });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const client = createClient({
        provider,
        hooks: {
          onRequest: () => {
            throw new Error('logger down');
          },
        },
      });
      expect((await client.flows.get('1')).id).toBe('1');
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.some((message) => message.includes('logger down'))).toBe(true);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('the per-call retry option', () => {
  it('overrides the client retry settings for one call', async () => {
    const { provider, client } = setup({ retry: { maxAttempts: 5 } });
    provider.script.getFlow.push(unavailable(), unavailable(), { value: flow('1') });
    const error = await client.flows.get('1', { retry: { maxAttempts: 2 } }).catch((e: unknown) => e);
    expect((error as BspError).attempts).toBe(2);
    expect(provider.calls).toHaveLength(2);
  });

  it('is checked before sending, naming the field', async () => {
    const { provider, client } = setup();
    const error = await client.flows.get('1', { retry: { maxAttempts: 0 } }).catch((e: unknown) => e);
    expect((error as BspError).code).toBe('INVALID_REQUEST');
    expect((error as BspError).field).toBe('retry.maxAttempts');
    expect((error as BspError).outcome).toBe('not-sent');
    expect(provider.calls).toHaveLength(0);
  });
});
