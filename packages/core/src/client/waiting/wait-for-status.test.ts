import { describe, expect, it } from 'vitest';
import { flow, ScriptedProvider, template } from '../../__fixtures__/scripted-provider.js';
import { InvalidRequestError, StatusWaitTimeoutError } from '../../errors/error-classes.js';
import type { WebhookEvent } from '../../model/events.js';
import type { Template, TemplateStatus } from '../../model/template.js';
import { FakeClock } from '../../testing/fake-clock.js';
import { createWebhookEventStream } from '../../webhooks/webhook-event-stream.js';
import { createClient } from '../create-client.js';
import type { Clock } from '../pipeline/clock.js';

const withStatus = (status: TemplateStatus): { value: Template } => ({
  value: { ...template('order_update'), status },
});

function setup(clock: Clock = new FakeClock()) {
  const provider = new ScriptedProvider();
  const client = createClient({ provider, clock, rateLimit: false });
  return { provider, client, clock };
}

/** A clock whose pauses last until aborted or released by hand: events, not time, end them. */
class HeldClock implements Clock {
  time = 0;
  readonly pauses: { ms: number; release: () => void }[] = [];
  now() {
    return this.time;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pauses.push({
        ms,
        release: () => {
          signal?.removeEventListener('abort', onAbort);
          this.time += ms;
          resolve();
        },
      });
    });
  }
}

const statusEvent = (name: string, status: TemplateStatus): WebhookEvent => ({
  type: 'template.status',
  id: `evt-${name}-${status}`,
  provider: 'scripted',
  occurredAt: new Date(0),
  templateRef: { id: `${name}-en_US`, name, language: 'en_US' },
  status,
  raw: {},
});

describe('templates.waitForStatus', () => {
  it('reads until the review is over, pausing with doubling back-off', async () => {
    const { provider, client, clock } = setup();
    provider.script.getTemplate.push(
      withStatus('PENDING'),
      withStatus('PENDING'),
      withStatus('PENDING'),
      withStatus('APPROVED'),
    );
    const approved = await client.templates.waitForStatus({ name: 'order_update', language: 'en_US' });
    expect(approved.status).toBe('APPROVED');
    expect(approved.$metadata.provider).toBe('scripted');
    expect((clock as FakeClock).sleeps).toEqual([2_000, 4_000, 8_000]);
  });

  it('returns at once when the template is already past review, and waits for `until` when given', async () => {
    const { provider, client } = setup();
    provider.script.getTemplate.push(withStatus('REJECTED'));
    expect((await client.templates.waitForStatus({ id: 'order_update-en_US' })).status).toBe('REJECTED');
    provider.script.getTemplate.push(withStatus('APPROVED'), withStatus('PAUSED'));
    const paused = await client.templates.waitForStatus({ id: 'order_update-en_US' }, { until: ['PAUSED'] });
    expect(paused.status).toBe('PAUSED');
  });

  it('caps the pause and gives up after timeoutMs with the last status seen', async () => {
    const { provider, client, clock } = setup();
    for (let i = 0; i < 20; i += 1) provider.script.getTemplate.push(withStatus('PENDING'));
    const error = await client.templates
      .waitForStatus({ id: 'order_update-en_US' }, { timeoutMs: 100_000, maxPollIntervalMs: 30_000 })
      .catch((e: unknown) => e);
    expect(StatusWaitTimeoutError.isInstance(error)).toBe(true);
    expect((error as StatusWaitTimeoutError).lastStatus).toBe('PENDING');
    expect((error as StatusWaitTimeoutError).code).toBe('WAIT_TIMEOUT');
    // 2 + 4 + 8 + 16 + 30 + 30 = 90 s, then the 10 s left.
    expect((clock as FakeClock).sleeps).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 10_000]);
  });

  it('wakes on a status event about the template, and ignores events about others', async () => {
    const clock = new HeldClock();
    const { provider, client } = setup(clock);
    const stream = createWebhookEventStream();
    provider.script.getTemplate.push(withStatus('PENDING'), withStatus('APPROVED'));
    const waiting = client.templates.waitForStatus(
      { name: 'order_update', language: 'en_US' },
      { events: stream },
    );
    await new Promise((resolve) => setImmediate(resolve));
    stream.onEvent(statusEvent('another_template', 'APPROVED'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(provider.calls).toHaveLength(1);
    stream.onEvent(statusEvent('order_update', 'APPROVED'));
    expect((await waiting).status).toBe('APPROVED');
    // With events the pause is the longest one: events, not polling, are what end it early.
    expect(clock.pauses.map((pause) => pause.ms)).toEqual([60_000]);
    expect(provider.calls).toHaveLength(2);
  });

  it('keeps polling when the event stream ends', async () => {
    const { provider, client, clock } = setup();
    const stream = createWebhookEventStream();
    stream.close();
    provider.script.getTemplate.push(withStatus('PENDING'), withStatus('APPROVED'));
    const approved = await client.templates.waitForStatus({ id: 'order_update-en_US' }, { events: stream });
    expect(approved.status).toBe('APPROVED');
    expect((clock as FakeClock).sleeps).toHaveLength(1);
  });

  it('stops at once when its signal aborts, and leaves the event stream', async () => {
    const clock = new HeldClock();
    const { provider, client } = setup(clock);
    const stream = createWebhookEventStream();
    const controller = new AbortController();
    provider.script.getTemplate.push(withStatus('PENDING'));
    const waiting = client.templates
      .waitForStatus({ id: 'order_update-en_US' }, { events: stream, signal: controller.signal })
      .catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    const reason = new Error('shutting down');
    controller.abort(reason);
    expect(await waiting).toBe(reason);
    expect(provider.calls).toHaveLength(1);
  });
});

describe('flows.waitForStatus', () => {
  it('waits for the status to change by default, or for `until`', async () => {
    const { provider, client } = setup();
    const withFlowStatus = (status: 'DRAFT' | 'PUBLISHED' | 'BLOCKED') => ({
      value: { ...flow('7'), status },
    });
    provider.script.getFlow.push(
      withFlowStatus('DRAFT'),
      withFlowStatus('DRAFT'),
      withFlowStatus('PUBLISHED'),
    );
    expect((await client.flows.waitForStatus('7')).status).toBe('PUBLISHED');
    provider.script.getFlow.push(
      withFlowStatus('PUBLISHED'),
      withFlowStatus('PUBLISHED'),
      withFlowStatus('BLOCKED'),
    );
    expect((await client.flows.waitForStatus('7', { until: ['BLOCKED'] })).status).toBe('BLOCKED');
  });
});

describe('waitForStatus options', () => {
  const BAD_OPTIONS: [string, unknown][] = [
    ['until', 'APPROVED'],
    ['until', []],
    ['until[0]', ['NOPE']],
    ['until[1]', ['APPROVED', 'UNKNOWN']],
    ['timeoutMs', -5],
    ['timeoutMs', 0],
    ['timeoutMs', 1.5],
    ['timeoutMs', '3000'],
    ['pollIntervalMs', 0],
    ['pollIntervalMs', Number.POSITIVE_INFINITY],
    ['maxPollIntervalMs', 2 ** 31],
    ['events', [statusEvent('a', 'APPROVED')]],
    ['events', { next: () => undefined }],
    ['signal', { aborted: false }],
    ['timeout', 3000],
  ];

  it.each(BAD_OPTIONS)('templates.waitForStatus refuses a bad `%s` before any read', async (field, value) => {
    const { provider, client } = setup();
    const key = field.replace(/\[\d+\]$/, '');
    const error = await client.templates
      .waitForStatus({ name: 'order_update', language: 'en_US' }, { [key]: value } as never)
      .then(
        () => expect.unreachable('the wait should be refused'),
        (caught: unknown) => caught,
      );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field, outcome: 'not-sent' });
    expect(provider.calls).toEqual([]);
  });

  it('flows.waitForStatus refuses bad options too, with the flow statuses', async () => {
    const { provider, client } = setup();
    for (const [options, field] of [
      [{ until: ['APPROVED'] }, 'until[0]'],
      [{ until: 'PUBLISHED' }, 'until'],
      [{ timeoutMs: -5 }, 'timeoutMs'],
      [{ timeout: 3000 }, 'timeout'],
      [{ events: {} }, 'events'],
    ] as [object, string][]) {
      await expect(client.flows.waitForStatus('7', options as never), field).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        field,
      });
    }
    expect(provider.calls).toEqual([]);
  });

  it('takes every documented option, undefined ones as absent', async () => {
    const { provider, client } = setup();
    provider.script.getTemplate.push(withStatus('APPROVED'));
    const stream = createWebhookEventStream();
    const template = await client.templates.waitForStatus(
      { name: 'order_update', language: 'en_US' },
      {
        until: ['APPROVED', 'REJECTED'],
        timeoutMs: 1_000,
        pollIntervalMs: 10,
        maxPollIntervalMs: 2_147_483_647,
        events: stream,
        signal: new AbortController().signal,
        ...({ unused: undefined } as object),
      },
    );
    expect(template.status).toBe('APPROVED');
    provider.script.getFlow.push({ value: { ...flow('7'), status: 'PUBLISHED' } });
    await expect(client.flows.waitForStatus('7', { until: ['PUBLISHED'] })).resolves.toMatchObject({
      status: 'PUBLISHED',
    });
  });
});

describe('createWebhookEventStream', () => {
  it('gives each reader the events delivered after it started, and drops the oldest past the buffer', async () => {
    const stream = createWebhookEventStream({ maxBuffered: 2 });
    const first = stream[Symbol.asyncIterator]();
    stream.onEvent(statusEvent('a', 'APPROVED'));
    const second = stream[Symbol.asyncIterator]();
    stream.onEvent(statusEvent('b', 'APPROVED'));
    stream.onEvent(statusEvent('c', 'APPROVED'));
    expect((await first.next()).value?.id).toBe('evt-b-APPROVED');
    expect((await first.next()).value?.id).toBe('evt-c-APPROVED');
    expect((await second.next()).value?.id).toBe('evt-b-APPROVED');
    await second.return?.();
    expect(await second.next()).toEqual({ done: true, value: undefined });
    const pending = first.next();
    stream.close();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
