import { describe, expect, it } from 'vitest';
import { BspError } from '../../errors/bsp-error.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import { META_EXAMPLE_FLOWS } from './__fixtures__/meta-example-flows.js';
import { checkFlowJsonBeforeWrite, InvalidFlowJsonError } from './check-flow-json-before-write.js';

const valid = META_EXAMPLE_FLOWS[0]!.flow;
const invalid = { ...valid, version: '1.0', extra: true };

describe('checkFlowJsonBeforeWrite', () => {
  it('lets a valid Flow JSON through in every mode', () => {
    for (const validate of ['error', 'warn', 'off'] as const) {
      expect(checkFlowJsonBeforeWrite(valid, { validate })).toEqual([]);
    }
  });

  it('refuses an invalid one by default, before anything is sent, with every error found', () => {
    let thrown: unknown;
    try {
      checkFlowJsonBeforeWrite(JSON.stringify(invalid));
    } catch (error) {
      thrown = error;
    }
    expect(InvalidFlowJsonError.isInstance(thrown)).toBe(true);
    expect(InvalidRequestError.isInstance(thrown)).toBe(true);
    const error = thrown as InvalidFlowJsonError;
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', outcome: 'not-sent', field: 'flowJson' });
    expect(error.validationErrors.map((found) => found.error)).toEqual([
      'INVALID_PROPERTY',
      'INVALID_VERSION',
    ]);
    expect(error.message).toContain('INVALID_VERSION at version');
    expect(error.toJSON().validationErrors).toEqual(error.validationErrors);
  });

  it("hands back the errors with 'warn', and does not look with 'off'", () => {
    expect(checkFlowJsonBeforeWrite(invalid, { validate: 'warn' }).map((found) => found.error)).toEqual([
      'INVALID_PROPERTY',
      'INVALID_VERSION',
    ]);
    expect(checkFlowJsonBeforeWrite(invalid, { validate: 'off' })).toEqual([]);
  });

  it('passes the accepted versions on', () => {
    expect(checkFlowJsonBeforeWrite({ ...valid, version: '9.9' }, { versions: ['9.9'] })).toEqual([]);
  });

  it('is told apart from other invalid requests', () => {
    expect(InvalidFlowJsonError.isInstance(new InvalidRequestError('bad id'))).toBe(false);
    expect(BspError.isInstance(new InvalidFlowJsonError([{ message: 'x' }]))).toBe(true);
  });
});
