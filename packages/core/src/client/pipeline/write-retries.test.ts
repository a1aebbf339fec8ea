import { describe, expect, it } from 'vitest';
import type { BspError } from '../../errors/bsp-error.js';
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  ProviderUnavailableError,
  RateLimitError,
} from '../../errors/error-classes.js';
import type { ProviderResult } from '../../provider/call-context.js';
import type { Operation } from '../../provider/operations.js';
import { FakeClock } from '../../testing/fake-clock.js';
import { OperationRunner, type Reconcile } from './operation-runner.js';
import { TokenBucketRateLimiter } from './rate-limiter.js';
import { DEFAULT_RETRY } from './retry-policy.js';

/*
 * The retry rules for writes (DESIGN §12), driven through the runner with a scripted vendor: the
 * rules are the runner's, keyed by the operation table. The client's template writes, with their
 * look-ups, are tested in `client/writes/`.
 */

type Created = { name: string };
type Step = ProviderResult<Created> | BspError;

function runner() {
  const clock = new FakeClock();
  return new OperationRunner({
    providerId: 'scripted',
    retry: { ...DEFAULT_RETRY, maxAttempts: 3 },
    timeoutMs: 1_000,
    rateLimiter: new TokenBucketRateLimiter(clock),
    rateLimits: {},
    hooks: {},
    clock,
    random: () => 0.5,
  });
}

/** Runs `operation` against a vendor that answers with `steps` in turn; returns what happened. */
async function write(operation: Operation, steps: Step[], reconcile?: Reconcile<Created>) {
  let sent = 0;
  const outcome = await runner()
    .run(
      operation,
      { name: 'order_update' },
      async () => {
        const step = steps[sent++];
        if (step === undefined) throw new Error('the vendor was called more often than scripted');
        if (step instanceof Error) throw step;
        return step;
      },
      {},
      reconcile,
    )
    .then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error: error as BspError }),
    );
  return { ...outcome, sent };
}

const timeoutAfterSending = () =>
  new ProviderUnavailableError('timed out after 1000 ms', { provider: 'scripted' });
const connectionRefused = () =>
  new ProviderUnavailableError('connection refused', { provider: 'scripted', outcome: 'not-sent' });
const throttled = () => new RateLimitError('System.LimitControl', { provider: 'scripted' });
const created = { value: { name: 'order_update' } };

describe('a non-idempotent write (templates.create)', () => {
  it('is not sent again after a timeout whose outcome is unknown', async () => {
    const { error, sent } = await write('templates.create', [timeoutAfterSending(), created]);
    expect(error?.outcome).toBe('unknown');
    expect(error?.attempts).toBe(1);
    expect(sent).toBe(1);
  });

  it('is sent again after throttling: the vendor applied nothing', async () => {
    const { value, sent } = await write('templates.create', [throttled(), created]);
    expect(value?.$metadata).toMatchObject({ attempts: 2 });
    expect(value?.$metadata.reconciled).toBeUndefined();
    expect(sent).toBe(2);
  });

  it('is sent again when the first attempt never left the process', async () => {
    const { value, sent } = await write('templates.create', [connectionRefused(), created]);
    expect(value?.name).toBe('order_update');
    expect(sent).toBe(2);
  });

  it('is found by its natural key after an unknown outcome, and reported as reconciled', async () => {
    const lookedUp: BspError[] = [];
    const { value, sent } = await write('templates.create', [timeoutAfterSending()], async (error) => {
      lookedUp.push(error);
      return { applied: true, result: { value: { name: 'order_update' }, requestId: 'read-1' } };
    });
    expect(sent).toBe(1);
    expect(lookedUp.map((error) => error.outcome)).toEqual(['unknown']);
    expect(value).toEqual({ name: 'order_update' });
    expect(value?.$metadata).toMatchObject({ reconciled: true, requestId: 'read-1', attempts: 1 });
  });

  it('is sent again when the look-up finds nothing', async () => {
    const { value, sent } = await write('templates.create', [timeoutAfterSending(), created], async () => ({
      applied: false,
    }));
    expect(sent).toBe(2);
    expect(value?.$metadata).toMatchObject({ attempts: 2 });
  });

  it('reports the conflict the look-up finds (the name exists with other content)', async () => {
    const { error, sent } = await write('templates.create', [timeoutAfterSending()], async () => {
      throw new ConflictError('order_update exists with other components', { state: 'APPROVED' });
    });
    expect(sent).toBe(1);
    expect(ConflictError.isInstance(error)).toBe(true);
    expect((error as ConflictError).state).toBe('APPROVED');
  });

  it('throws its own unknown-outcome error when the look-up fails too', async () => {
    const { error, sent } = await write('templates.create', [timeoutAfterSending()], async () => {
      throw new ProviderUnavailableError('read failed too');
    });
    expect(sent).toBe(1);
    expect(error?.message).toBe('timed out after 1000 ms');
    expect(error?.outcome).toBe('unknown');
  });

  it('is not retried when the vendor refused the input', async () => {
    const refused = new InvalidRequestError('bad name', { provider: 'scripted', outcome: 'failed' });
    const { error, sent } = await write('templates.create', [refused, created]);
    expect(error).toBe(refused);
    expect(sent).toBe(1);
  });
});

describe('an idempotent write (flows.publish)', () => {
  it('is retried after an unknown outcome, like a read', async () => {
    const { value, sent } = await write('flows.publish', [timeoutAfterSending(), created]);
    expect(sent).toBe(2);
    expect(value?.$metadata).toMatchObject({ attempts: 2 });
  });

  it('counts "already in that state" after an unknown first attempt as success', async () => {
    // The first attempt published the flow but its answer was lost; the retry is refused
    // because the flow is no longer a draft, and the look-up finds it published.
    const alreadyPublished = new ConflictError('flow is not a draft', {
      provider: 'scripted',
      state: 'PUBLISHED',
    });
    const { value, sent } = await write(
      'flows.publish',
      [timeoutAfterSending(), alreadyPublished],
      async (error) =>
        ConflictError.isInstance(error) && error.state === 'PUBLISHED'
          ? { applied: true, result: { value: { name: 'order_update' } } }
          : { applied: false },
    );
    expect(sent).toBe(2);
    expect(value?.$metadata).toMatchObject({ reconciled: true, attempts: 2 });
  });

  it('reports a refusal as it is when no attempt was uncertain', async () => {
    const gone = new NotFoundError('no such flow', { provider: 'scripted' });
    let lookUps = 0;
    const { error } = await write('flows.delete', [gone], async () => {
      lookUps += 1;
      return { applied: true, result: created };
    });
    expect(error).toBe(gone);
    expect(lookUps).toBe(0);
  });
});

describe('reads', () => {
  it('are retried after an unknown outcome, and never looked up', async () => {
    const { value, sent } = await write('flows.get', [timeoutAfterSending(), created]);
    expect(sent).toBe(2);
    expect(value?.$metadata.reconciled).toBeUndefined();
  });
});

describe('a per-call retry option', () => {
  it('overrides the client setting for that call', async () => {
    let sent = 0;
    const error = await runner()
      .run(
        'flows.get',
        {},
        async () => {
          sent += 1;
          throw timeoutAfterSending();
        },
        { retry: { maxAttempts: 1 } },
      )
      .then(
        () => expect.unreachable('the call should fail'),
        (e: unknown) => e as BspError,
      );
    expect(sent).toBe(1);
    expect(error.attempts).toBe(1);
  });
});
