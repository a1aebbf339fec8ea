import { describe, expect, it } from 'vitest';
import { BspError } from '../../errors/bsp-error.js';
import { requireEndpointUri, requireFlowCategories } from './flow-fields.js';
import { requireFlowJson } from './flow-json-input.js';
import { parseFlowChanges, parseFlowCreateInput, parseFlowJsonWriteOptions } from './flow-write-inputs.js';

/** The refusal `run` throws, as `CODE:field`. */
function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (!BspError.isInstance(error)) throw error;
    expect(error.outcome).toBe('not-sent');
    return `${error.code}:${error.field}`;
  }
  return undefined;
}

const valid = { name: 'sign_up', categories: ['SIGN_UP'] };

describe('parseFlowCreateInput', () => {
  it('keeps only what was given, categories in the order given', () => {
    expect(
      parseFlowCreateInput({ ...valid, categories: ['SURVEY', 'OTHER'], endpointUri: undefined }),
    ).toEqual({
      request: { name: 'sign_up', categories: ['SURVEY', 'OTHER'] },
      publish: false,
      validate: 'error',
    });
    const full = parseFlowCreateInput({
      ...valid,
      endpointUri: 'https://example.com/flow?x=1',
      cloneFlowId: '123',
      flowJson: { version: '7.2' },
      publish: true,
      validate: 'warn',
    });
    expect(full).toEqual({
      request: {
        name: 'sign_up',
        categories: ['SIGN_UP'],
        endpointUri: 'https://example.com/flow?x=1',
        cloneFlowId: '123',
      },
      flowJson: { given: { version: '7.2' }, text: '{"version":"7.2"}' },
      publish: true,
      validate: 'warn',
    });
  });

  it('refuses each bad field by name', () => {
    const cases: [unknown, string][] = [
      [undefined, 'INVALID_REQUEST:input'],
      [[valid], 'INVALID_REQUEST:input'],
      [{ categories: ['OTHER'] }, 'INVALID_REQUEST:name'],
      [{ ...valid, name: ' sign_up' }, 'INVALID_REQUEST:name'],
      [{ ...valid, name: 'x'.repeat(201) }, 'INVALID_REQUEST:name'],
      [{ name: 'x' }, 'INVALID_REQUEST:categories'],
      [{ ...valid, categories: 'OTHER' }, 'INVALID_REQUEST:categories'],
      [{ ...valid, categories: [] }, 'INVALID_REQUEST:categories'],
      [{ ...valid, categories: ['OTHER', 'GAMES'] }, 'INVALID_REQUEST:categories[1]'],
      [{ ...valid, categories: ['UNKNOWN'] }, 'INVALID_REQUEST:categories[0]'],
      [{ ...valid, categories: ['other'] }, 'INVALID_REQUEST:categories[0]'],
      [{ ...valid, categories: ['OTHER', 'SURVEY', 'OTHER'] }, 'INVALID_REQUEST:categories[2]'],
      [{ ...valid, endpointUri: 'http://example.com/flow' }, 'INVALID_REQUEST:endpointUri'],
      [{ ...valid, endpointUri: 'example.com/flow' }, 'INVALID_REQUEST:endpointUri'],
      [{ ...valid, endpointUri: 'https://exa mple.com' }, 'INVALID_REQUEST:endpointUri'],
      [{ ...valid, endpointUri: ' https://example.com' }, 'INVALID_REQUEST:endpointUri'],
      [{ ...valid, endpointUri: 42 }, 'INVALID_REQUEST:endpointUri'],
      [{ ...valid, endpointUri: 'https://user:pw@example.com/' }, 'INVALID_REQUEST:endpointUri'],
      [{ ...valid, endpointUri: 'https://user@example.com/' }, 'INVALID_REQUEST:endpointUri'],
      [{ ...valid, endpointUri: 'https://:pw@example.com/' }, 'INVALID_REQUEST:endpointUri'],
      [{ ...valid, cloneFlowId: '' }, 'INVALID_REQUEST:cloneFlowId'],
      [{ ...valid, flowJson: [] }, 'INVALID_REQUEST:flowJson'],
      [{ ...valid, flowJson: null }, 'INVALID_REQUEST:flowJson'],
      [{ ...valid, flowJson: 7 }, 'INVALID_REQUEST:flowJson'],
      [{ ...valid, flowJson: '  ' }, 'INVALID_REQUEST:flowJson'],
      [{ ...valid, flowJson: '{"a":"\ud800"}' }, 'INVALID_REQUEST:flowJson'],
      [{ ...valid, publish: 'yes' }, 'INVALID_REQUEST:publish'],
      [{ ...valid, publish: true }, 'INVALID_REQUEST:publish'],
      [{ ...valid, validate: 'strict' }, 'INVALID_REQUEST:validate'],
      [{ ...valid, clone_flow_id: '1' }, 'INVALID_REQUEST:clone_flow_id'],
    ];
    for (const [input, expected] of cases) {
      expect(
        refusal(() => parseFlowCreateInput(input)),
        JSON.stringify(input),
      ).toBe(expected);
    }
  });

  it('lets publish go with a clone, whose Flow JSON is the source flow’s', () => {
    expect(parseFlowCreateInput({ ...valid, cloneFlowId: '9', publish: true }).publish).toBe(true);
  });

  it('accepts every category of the model once each', () => {
    const all = ['SIGN_UP', 'SIGN_IN', 'APPOINTMENT_BOOKING', 'LEAD_GENERATION', 'CONTACT_US'];
    expect(requireFlowCategories([...all, 'CUSTOMER_SUPPORT', 'SURVEY', 'OTHER', 'SHOPPING'])).toHaveLength(
      9,
    );
  });
});

describe('requireFlowJson', () => {
  it('keeps a string byte-for-byte and serializes an object compactly', () => {
    const text = '{\n  "version" : "7.2",\n  "screens": []\n}\n';
    expect(requireFlowJson(text)).toBe(text);
    expect(requireFlowJson({ version: '7.2', screens: [] })).toBe('{"version":"7.2","screens":[]}');
  });

  it('refuses an object with no JSON text', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(refusal(() => requireFlowJson(cyclic))).toBe('INVALID_REQUEST:flowJson');
    expect(refusal(() => requireFlowJson({ big: 1n }))).toBe('INVALID_REQUEST:flowJson');
    expect(refusal(() => requireFlowJson({ toJSON: () => undefined }))).toBe('INVALID_REQUEST:flowJson');
  });
});

describe('requireEndpointUri', () => {
  it('keeps an https URL as given', () => {
    expect(requireEndpointUri('https://Example.com:8443/flow/../data?x=%20')).toBe(
      'https://Example.com:8443/flow/../data?x=%20',
    );
  });
});

describe('parseFlowChanges', () => {
  it('sends only the fields given', () => {
    expect(parseFlowChanges('7', { categories: ['OTHER'], name: undefined })).toEqual({
      id: '7',
      categories: ['OTHER'],
    });
  });

  it('needs at least one field, and knows no others', () => {
    expect(refusal(() => parseFlowChanges('7', {}))).toBe('INVALID_REQUEST:changes');
    expect(refusal(() => parseFlowChanges('7', { name: undefined }))).toBe('INVALID_REQUEST:changes');
    expect(refusal(() => parseFlowChanges('7', null))).toBe('INVALID_REQUEST:changes');
    expect(refusal(() => parseFlowChanges('7', { status: 'DRAFT' }))).toBe('INVALID_REQUEST:status');
    expect(refusal(() => parseFlowChanges('7', { categories: [] }))).toBe('INVALID_REQUEST:categories');
    expect(refusal(() => parseFlowChanges('7', { endpointUri: 'ftp://x' }))).toBe(
      'INVALID_REQUEST:endpointUri',
    );
  });

  it('refuses an endpoint with a user name or password, without repeating it', () => {
    let message = '';
    try {
      parseFlowChanges('7', { endpointUri: 'https://alice:s3cr3t-pw@example.com/flow' });
    } catch (error) {
      message = `${(error as Error).message} ${JSON.stringify(error)}`;
    }
    expect(message).toContain('`endpointUri` carries a user name or password');
    expect(message).not.toContain('s3cr3t-pw');
    expect(message).not.toContain('alice');
    // An @ in the path or the query is not user info.
    expect(parseFlowChanges('7', { endpointUri: 'https://example.com/a@b?to=x@y' })).toMatchObject({
      endpointUri: 'https://example.com/a@b?to=x@y',
    });
  });
});

describe('parseFlowJsonWriteOptions', () => {
  it('takes the call options and validate', () => {
    const signal = new AbortController().signal;
    expect(parseFlowJsonWriteOptions({ signal, timeoutMs: 5, validate: 'off' })).toEqual({
      call: { signal, timeoutMs: 5 },
      validate: 'off',
    });
    expect(parseFlowJsonWriteOptions(undefined)).toEqual({ call: {}, validate: 'error' });
  });

  it('refuses unknown and bad options by name', () => {
    expect(refusal(() => parseFlowJsonWriteOptions({ validation: 'off' }))).toBe(
      'INVALID_REQUEST:validation',
    );
    expect(refusal(() => parseFlowJsonWriteOptions({ validate: true }))).toBe('INVALID_REQUEST:validate');
    expect(refusal(() => parseFlowJsonWriteOptions({ timeoutMs: -1 }))).toBe('INVALID_REQUEST:timeoutMs');
  });
});
