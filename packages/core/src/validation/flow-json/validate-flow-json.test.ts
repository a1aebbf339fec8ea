import { describe, expect, it } from 'vitest';
import { META_EXAMPLE_FLOWS } from './__fixtures__/meta-example-flows.js';
import { validateFlowJson } from './validate-flow-json.js';
import { FLOW_JSON_VERSIONS } from './versions.js';

describe("Meta's published example flows", () => {
  it.each(META_EXAMPLE_FLOWS)('$name passes, as a value and as text', ({ flow }) => {
    expect(validateFlowJson(flow)).toEqual([]);
    expect(validateFlowJson(JSON.stringify(flow, null, 2))).toEqual([]);
  });
});

describe('validateFlowJson versions', () => {
  it('accepts 2.1 to 7.3 by default', () => {
    expect(FLOW_JSON_VERSIONS[0]).toBe('2.1');
    expect(FLOW_JSON_VERSIONS.at(-1)).toBe('7.3');
  });

  it('takes the accepted versions from the caller', () => {
    const flow = META_EXAMPLE_FLOWS.find((example) => example.flow.version === '7.1')!.flow;
    expect(validateFlowJson(flow, { versions: ['7.3'] }).map((error) => error.error)).toEqual([
      'INVALID_VERSION',
    ]);
    expect(validateFlowJson({ ...flow, version: '9.0' }, { versions: ['9.0'] })).toEqual([]);
  });

  it('applies the newest rules when the caller’s list has no version to go by', () => {
    const flow = META_EXAMPLE_FLOWS.find((example) => example.flow.version === '7.1')!.flow;
    expect(validateFlowJson(flow, { versions: [] }).map((error) => error.error)).toEqual(['INVALID_VERSION']);
  });

  it('takes the accepted data API versions from the caller', () => {
    const flow = META_EXAMPLE_FLOWS.find((example) => example.flow.data_api_version === '3.0')!.flow;
    expect(validateFlowJson(flow, { dataApiVersions: ['4.0'] }).map((error) => error.error)).toEqual([
      'INVALID_DATA_API_VERSION',
    ]);
  });
});

describe('validateFlowJson positions in text', () => {
  const text = [
    '{',
    '  "version": "7.3",',
    '  "screens": [',
    '    {',
    '      "id": "A",',
    '      "terminal": true,',
    '      "layout": {',
    '        "type": "SingleColumnLayout",',
    '        "children": [',
    '          { "type": "TextHeadline", "text": "Hi" },',
    '          { "type": "Footer", "on-click-action": { "name": "complete", "payload": {} } }',
    '        ]',
    '      }',
    '    }',
    '  ]',
    '}',
  ].join('\n');

  it('puts each error on its value: 1-based lines and columns, the end on the last character', () => {
    const errors = validateFlowJson(text);
    expect(errors[0]).toEqual({
      error: 'INVALID_PROPERTY_VALUE',
      errorType: 'FLOW_JSON_ERROR',
      message: expect.stringContaining("'TextHeadline'"),
      lineStart: 10,
      lineEnd: 10,
      columnStart: 21,
      columnEnd: 34,
      pointers: [
        {
          lineStart: 10,
          lineEnd: 10,
          columnStart: 21,
          columnEnd: 34,
          path: 'screens[0].layout.children[0].type',
        },
      ],
    });
  });

  it('puts a missing property on the object that lacks it', () => {
    const missingLabel = validateFlowJson(text).find((error) => error.error === 'MISSING_REQUIRED_PROPERTY');
    expect(missingLabel).toMatchObject({
      lineStart: 11,
      columnStart: 11,
      lineEnd: 11,
      columnEnd: 88,
      pointers: [{ path: 'screens[0].layout.children[1].label' }],
    });
  });

  it('puts text that is not JSON where it stops being JSON', () => {
    const errors = validateFlowJson('{\n  "version": "7.3",\n  "screens": [,]\n}');
    expect(errors).toEqual([
      {
        error: 'INVALID_FLOW_JSON',
        errorType: 'FLOW_JSON_ERROR',
        message: expect.stringContaining('not valid JSON'),
        lineStart: 3,
        lineEnd: 3,
        columnStart: 15,
        columnEnd: 15,
        pointers: [{ lineStart: 3, lineEnd: 3, columnStart: 15, columnEnd: 15, path: '' }],
      },
    ]);
  });

  it('gives errors in a value no position', () => {
    const [error] = validateFlowJson(JSON.parse(text));
    expect(error).not.toHaveProperty('lineStart');
    expect(error?.pointers).toEqual([{ path: 'screens[0].layout.children[0].type' }]);
  });
});

describe('validateFlowJson on input that is not a Flow JSON', () => {
  it('reports values that cannot be JSON instead of throwing', () => {
    const cyclic: Record<string, unknown> = { version: '7.3' };
    cyclic.screens = [cyclic];
    expect(validateFlowJson(cyclic).map((error) => error.error)).toEqual(['NESTING_TOO_DEEP']);
    expect(validateFlowJson({ version: '7.3', screens: [], size: 1n }).map((error) => error.error)).toEqual([
      'INVALID_FLOW_JSON',
    ]);
    expect(validateFlowJson(undefined).map((error) => error.error)).toEqual(['INVALID_FLOW_JSON']);
    expect(validateFlowJson(() => 1).map((error) => error.error)).toEqual(['INVALID_FLOW_JSON']);
    expect(validateFlowJson('').map((error) => error.error)).toEqual(['INVALID_FLOW_JSON']);
  });

  it('survives text nested far deeper than any stack', () => {
    const depth = 200_000;
    expect(validateFlowJson(`${'['.repeat(depth)}${']'.repeat(depth)}`).map((error) => error.error)).toEqual([
      'NESTING_TOO_DEEP',
    ]);
    expect(validateFlowJson('['.repeat(depth)).map((error) => error.error)).toEqual(['INVALID_FLOW_JSON']);
  });

  it('takes property names like __proto__ as plain names', () => {
    const text =
      '{"version":"7.3","__proto__":{"x":1},"screens":[{"id":"A","terminal":true,"layout":{"type":"SingleColumnLayout","children":[{"type":"__proto__"},{"type":"constructor"}]}}]}';
    expect(validateFlowJson(text).map((error) => [error.error, error.pointers?.[0]?.path])).toEqual([
      ['INVALID_PROPERTY', '__proto__'],
      ['INVALID_PROPERTY_VALUE', 'screens[0].layout.children[0].type'],
      ['INVALID_PROPERTY_VALUE', 'screens[0].layout.children[1].type'],
      ['TERMINAL_SCREEN_WITHOUT_FOOTER', 'screens[0]'],
    ]);
  });
});
