import { describe, expect, it } from 'vitest';
import { checkFlowJson, validateFlowJsonBytes } from './check-flow-json.js';

/*
 * Flow JSON documents built to the shape of Meta's Flow JSON reference
 * (https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson): screens with a
 * SingleColumnLayout, a Footer whose on-click-action navigates or completes, and a routing model.
 */
const twoScreens = (overrides: { next?: string; routing?: unknown; terminal?: boolean } = {}) => ({
  version: '7.0',
  routing_model: overrides.routing ?? { DETAILS: ['DONE'], DONE: [] },
  screens: [
    {
      id: 'DETAILS',
      title: 'Your details',
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'email', label: 'Email' },
          {
            type: 'Footer',
            label: 'Next',
            'on-click-action': { name: 'navigate', next: { type: 'screen', name: overrides.next ?? 'DONE' } },
          },
        ],
      },
    },
    {
      id: 'DONE',
      title: 'Thanks',
      terminal: overrides.terminal ?? true,
      layout: {
        type: 'SingleColumnLayout',
        children: [{ type: 'Footer', label: 'Close', 'on-click-action': { name: 'complete', payload: {} } }],
      },
    },
  ],
});

const check = (document: unknown) => checkFlowJson(JSON.stringify(document, null, 2));
const codes = (document: unknown) => check(document).map((error) => error.error);

describe('checkFlowJson', () => {
  it('passes a well-formed two-screen flow', () => {
    expect(check(twoScreens())).toEqual([]);
  });

  it("reports a syntax error at its line and column, in Meta's shape", () => {
    const text = '{\n  "version": "7.0",\n  "screens": [\n}';
    expect(checkFlowJson(text)).toEqual([
      {
        error: 'INVALID_FLOW_JSON',
        errorType: 'JSON_SCHEMA_ERROR',
        message: "Invalid JSON: Unexpected character '}'.",
        lineStart: 4,
        lineEnd: 4,
        columnStart: 1,
        columnEnd: 2,
        pointers: [],
      },
    ]);
    expect(checkFlowJson('{"version": "7.0",}')[0]?.message).toBe(
      'Invalid JSON: Expected a property name in double quotes.',
    );
    expect(checkFlowJson('{"version": "7.0"} x')[0]?.message).toBe(
      'Invalid JSON: Unexpected text after the JSON value.',
    );
  });

  it('points at the offending value: an unknown version, with its position and path', () => {
    const errors = check({ ...twoScreens(), version: '1.0' });
    expect(errors).toEqual([
      {
        error: 'INVALID_VERSION',
        errorType: 'FLOW_JSON_ERROR',
        message: expect.stringContaining("Flow JSON version '1.0' is not available"),
        lineStart: 2,
        lineEnd: 2,
        columnStart: 14,
        columnEnd: 19,
        pointers: [{ lineStart: 2, lineEnd: 2, columnStart: 14, columnEnd: 19, path: 'version' }],
      },
    ]);
    expect(codes({ ...twoScreens(), version: 7 })).toEqual(['INVALID_PROPERTY_VALUE']);
    expect(codes({ ...twoScreens(), data_api_version: '2.0' })).toEqual(['INVALID_DATA_API_VERSION']);
    expect(codes({ ...twoScreens(), data_api_version: '3.0' })).toEqual([]);
  });

  it('asks for version and screens, and for at least one screen', () => {
    const missing = check({});
    expect(missing.map((error) => [error.error, error.message])).toEqual([
      ['MISSING_REQUIRED_PROPERTY', "Required property 'version' is missing."],
      ['MISSING_REQUIRED_PROPERTY', "Required property 'screens' is missing."],
    ]);
    // A missing property is reported on the object that lacks it: here the whole document.
    expect(missing[0]?.pointers).toEqual([
      { lineStart: 1, lineEnd: 1, columnStart: 1, columnEnd: 3, path: '' },
    ]);
    expect(codes({ version: '7.0', screens: [] })).toEqual(['INVALID_PROPERTY_VALUE']);
    expect(codes({ version: '7.0', screens: {} })).toEqual(['INVALID_PROPERTY_VALUE']);
    expect(codes([])).toEqual(['INVALID_FLOW_JSON']);
  });

  it('refuses a repeated screen id, pointing at both screens', () => {
    const document = twoScreens();
    document.screens[1] = { ...document.screens[1], id: 'DETAILS' } as (typeof document.screens)[1];
    const duplicate = check(document).find((error) => error.error === 'DUPLICATE_SCREEN_ID');
    expect(duplicate?.message).toContain('screens[0]');
    expect(duplicate?.pointers?.map((pointer) => pointer.path)).toEqual(['screens[1].id', 'screens[0].id']);
  });

  it('wants a terminal screen', () => {
    expect(codes(twoScreens({ terminal: false }))).toEqual(['NO_TERMINAL_SCREEN']);
  });

  it('follows navigate actions to screens that exist, wherever they sit in a layout', () => {
    const document = twoScreens({ next: 'NOWHERE', routing: { DETAILS: ['DONE'] } });
    const errors = check(document);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      error: 'NAVIGATE_TARGET_NOT_FOUND',
      message: "The navigate action leads to screen 'NOWHERE', which does not exist.",
      pointers: [{ path: 'screens[0].layout.children[1].on-click-action.next.name' }],
    });
    // Its line holds the value it points at.
    const lines = JSON.stringify(document, null, 2).split('\n');
    const line = lines[(errors[0]?.lineStart ?? 0) - 1] ?? '';
    expect(line.slice((errors[0]?.columnStart ?? 0) - 1, (errors[0]?.columnEnd ?? 0) - 1)).toBe('"NOWHERE"');
  });

  it('checks that the routing model names existing screens only', () => {
    const errors = check(twoScreens({ routing: { DETAILS: ['DONE', 'LOST'], GHOST: [] } }));
    expect(errors.map((error) => [error.error, error.pointers?.[0]?.path])).toEqual([
      ['ROUTING_MODEL_UNKNOWN_SCREEN', 'routing_model.DETAILS[1]'],
      ['ROUTING_MODEL_UNKNOWN_SCREEN', 'routing_model.GHOST'],
    ]);
    expect(codes(twoScreens({ routing: ['DETAILS'] }))).toEqual(['INVALID_PROPERTY_VALUE']);
  });

  it('reports every problem at once', () => {
    expect(codes({ version: '0.1', screens: [{ id: 'A' }, { id: 'A' }, 'screen'] })).toEqual([
      'INVALID_VERSION',
      'DUPLICATE_SCREEN_ID',
      'INVALID_PROPERTY_VALUE',
      'NO_TERMINAL_SCREEN',
    ]);
  });

  it('copes with deep nesting and many problems without failing', () => {
    const depth = 20_000;
    const deep = `{"version":"7.0","screens":[{"id":"A","terminal":true,"layout":${'['.repeat(depth)}${']'.repeat(depth)}}]}`;
    expect(checkFlowJson(deep)).toEqual([]);
    const manyScreens = Array.from({ length: 300 }, (_, index) => ({
      id: `S${index}`,
      layout: { 'on-click-action': { name: 'navigate', next: { name: 'MISSING' } } },
    }));
    expect(check({ version: '7.0', screens: manyScreens })).toHaveLength(100);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(validateFlowJsonBytes(Buffer.from([0x7b, 0xff, 0x7d]))).toEqual([
      expect.objectContaining({ error: 'INVALID_FLOW_JSON', message: 'The Flow JSON is not UTF-8 text.' }),
    ]);
    // A byte-order mark is not an error.
    expect(validateFlowJsonBytes(Buffer.from(`\ufeff${JSON.stringify(twoScreens())}`, 'utf8'))).toEqual([]);
  });
});
