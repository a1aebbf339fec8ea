import { describe, expect, it } from 'vitest';
import { flow } from '../../__fixtures__/scripted-provider.js';
import type { BspError } from '../../errors/bsp-error.js';
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderUnavailableError,
  ResponseFormatError,
} from '../../errors/error-classes.js';
import type { FlowStatus } from '../../model/flow.js';
import { confirmFlowStateConflict } from './confirm-flow-state-conflict.js';
import { type FlowStateWrite, flowStatusForbids } from './flow-state-rules.js';
import { isUnclassifiedRefusal } from './is-unclassified-refusal.js';

const refused = () =>
  new InvalidRequestError('(#139001) Publishing failed', {
    provider: 'scripted',
    outcome: 'failed',
    vendorCode: 400,
    requestId: 'req-7',
    raw: { code: 400 },
  });

async function outcome(error: unknown, operation: FlowStateWrite, status: FlowStatus) {
  let reads = 0;
  const thrown = await confirmFlowStateConflict(
    error,
    operation,
    '42',
    async () => {
      reads += 1;
      return { ...flow('42'), status };
    },
    undefined,
  ).catch((caught: unknown) => caught as BspError);
  return { thrown, reads };
}

describe('isUnclassifiedRefusal', () => {
  it('is a vendor failure that says nothing of why', () => {
    expect(isUnclassifiedRefusal(refused())).toBe(true);
    expect(isUnclassifiedRefusal(new ProviderUnavailableError('-1', { outcome: 'failed' }))).toBe(true);
    expect(isUnclassifiedRefusal(new ResponseFormatError('odd', { outcome: 'failed' }))).toBe(true);
  });

  it('is not a refusal that says why, nor an answer that was lost or never sent', () => {
    expect(isUnclassifiedRefusal(new PermissionError('no', { outcome: 'failed' }))).toBe(false);
    expect(isUnclassifiedRefusal(new ConflictError('taken'))).toBe(false);
    expect(isUnclassifiedRefusal(new ProviderUnavailableError('reset'))).toBe(false);
    expect(isUnclassifiedRefusal(new InvalidRequestError('bad id'))).toBe(false);
    expect(isUnclassifiedRefusal(new Error('plain'))).toBe(false);
  });
});

describe('flowStatusForbids', () => {
  it("follows Meta's rules, and never judges a status the model does not know", () => {
    expect(flowStatusForbids('flows.publish', 'DRAFT')).toBe(false);
    expect(flowStatusForbids('flows.publish', 'THROTTLED')).toBe(true);
    expect(flowStatusForbids('flows.deprecate', 'PUBLISHED')).toBe(false);
    expect(flowStatusForbids('flows.deprecate', 'DRAFT')).toBe(true);
    expect(flowStatusForbids('flows.delete', 'PUBLISHED')).toBe(true);
    expect(flowStatusForbids('flows.update', 'PUBLISHED')).toBe(false);
    expect(flowStatusForbids('flows.updateJson', 'DEPRECATED')).toBe(true);
    for (const operation of ['flows.publish', 'flows.deprecate', 'flows.delete'] as const) {
      expect(flowStatusForbids(operation, 'UNKNOWN')).toBe(false);
    }
  });
});

describe('confirmFlowStateConflict', () => {
  it('turns a refusal the status explains into a ConflictError that keeps the refused request', async () => {
    const original = refused();
    original.attempts = 2;
    const { thrown, reads } = await outcome(original, 'flows.delete', 'PUBLISHED');
    expect(ConflictError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      provider: 'scripted',
      state: 'PUBLISHED',
      outcome: 'failed',
      vendorCode: 400,
      requestId: 'req-7',
      raw: { code: 400 },
      attempts: 2,
    });
    expect(thrown.cause).toBe(original);
    expect(reads).toBe(1);
  });

  it('keeps the refusal when the status is UNKNOWN or allows the write', async () => {
    const original = refused();
    expect((await outcome(original, 'flows.publish', 'UNKNOWN')).thrown).toBe(original);
    expect((await outcome(original, 'flows.publish', 'DRAFT')).thrown).toBe(original);
  });

  it('reads nothing for an error that is not an unclassified refusal', async () => {
    const lost = new ProviderUnavailableError('reset');
    const { thrown, reads } = await outcome(lost, 'flows.publish', 'PUBLISHED');
    expect(thrown).toBe(lost);
    expect(reads).toBe(0);
  });

  it('turns a refusal of a write to a flow the read does not find into a NotFoundError', async () => {
    const original = refused();
    original.attempts = 2;
    const thrown = await confirmFlowStateConflict(
      original,
      'flows.publish',
      '42',
      async () => {
        throw new NotFoundError('no such flow', { provider: 'scripted' });
      },
      undefined,
    ).catch((caught: unknown) => caught as BspError);
    expect(NotFoundError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({ field: 'id', requestId: 'req-7', vendorCode: 400, attempts: 2 });
    expect(thrown.message).toContain('refused flows.publish of flow 42: there is no such flow');
    expect(thrown.cause).toBe(original);
  });

  it('keeps the refusal when the read fails otherwise', async () => {
    const original = refused();
    const thrown = await confirmFlowStateConflict(
      original,
      'flows.delete',
      '42',
      async () => {
        throw new ProviderUnavailableError('reset');
      },
      undefined,
    ).catch((caught: unknown) => caught);
    expect(thrown).toBe(original);
  });

  it("throws the signal's reason when the read was cut short by the caller's abort", async () => {
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    const thrown = await confirmFlowStateConflict(
      refused(),
      'flows.publish',
      '42',
      async () => {
        throw new Error('aborted read');
      },
      controller.signal,
    ).catch((caught: unknown) => caught as Error);
    expect(thrown.message).toBe('caller gave up');
  });
});
