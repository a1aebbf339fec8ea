// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flow JSON's own ${data.x} references, not template slips
// biome-ignore-all lint/suspicious/noThenProperty: the If component's 'then' branch, not a thenable
import { describe, expect, it } from 'vitest';
import { FLOW_JSON_ERROR_CODES, type FlowJsonErrorCode } from './error-codes.js';
import { validateFlowJson } from './validate-flow-json.js';

/*
 * One invalid document per rule (several for rules that apply in several places): each must
 * produce exactly its rule's code at its path, and nothing else.
 */

type Json = Record<string, unknown>;

const layout = (children: unknown[]) => ({ type: 'SingleColumnLayout', children });
const complete = (payload: Json = {}) => ({ name: 'complete', payload });
const navigate = (name: string, payload: Json = {}) => ({
  name: 'navigate',
  next: { type: 'screen', name },
  payload,
});
const footer = (action: Json = complete(), label = 'Done') => ({
  type: 'Footer',
  label,
  'on-click-action': action,
});
const text = (value = 'Hello') => ({ type: 'TextBody', text: value });
const input = (name: string, extra: Json = {}) => ({ type: 'TextInput', name, label: name, ...extra });
const form = (children: unknown[], name = 'form') => ({ type: 'Form', name, children });

/** A terminal screen: it ends the flow with a Footer. */
const end = (id: string, children: unknown[] = [footer()], extra: Json = {}) => ({
  id,
  title: id,
  terminal: true,
  layout: layout(children),
  ...extra,
});
/** A screen that leads on to another. */
const step = (id: string, children: unknown[], extra: Json = {}) => ({
  id,
  title: id,
  layout: layout(children),
  ...extra,
});

const flow = (screens: unknown[], extra: Json = {}, version = '7.3') => ({ version, ...extra, screens });

interface RuleCase {
  readonly rule: string;
  readonly code: FlowJsonErrorCode;
  readonly path: string;
  readonly document: unknown;
  readonly options?: Parameters<typeof validateFlowJson>[1];
}

const CASES: readonly RuleCase[] = [
  // The document
  {
    rule: 'text that is not JSON',
    code: 'INVALID_FLOW_JSON',
    path: '',
    document: '{ "version": "7.3", "screens": [ }',
  },
  {
    rule: 'a document that is not an object',
    code: 'INVALID_FLOW_JSON',
    path: '',
    document: [flow([end('A')])],
  },
  {
    rule: 'a document over 10 MiB',
    code: 'FLOW_JSON_TOO_LARGE',
    path: '',
    document: `{"version":"7.3","screens":[],"padding":"${'x'.repeat(10 * 1024 * 1024)}"}`,
  },
  {
    rule: 'nesting over 100 levels',
    code: 'NESTING_TOO_DEEP',
    path: '',
    document: flow([end('A', [footer(complete({ deep: nested(120) }))])]),
  },
  {
    rule: 'no version',
    code: 'MISSING_REQUIRED_PROPERTY',
    path: 'version',
    document: { screens: [end('A')] },
  },
  {
    rule: 'a screen without layout',
    code: 'MISSING_REQUIRED_PROPERTY',
    path: 'screens[0].layout',
    document: flow([{ id: 'A', terminal: true }]),
  },
  {
    rule: 'a TextInput without label',
    code: 'MISSING_REQUIRED_PROPERTY',
    path: 'screens[0].layout.children[0].label',
    document: flow([end('A', [{ type: 'TextInput', name: 'email' }, footer()])]),
  },
  {
    rule: 'a RadioButtonsGroup without label from 4.0 on',
    code: 'MISSING_REQUIRED_PROPERTY',
    path: 'screens[0].layout.children[0].label',
    document: flow(
      [end('A', [{ type: 'RadioButtonsGroup', name: 'pick', 'data-source': [] }, footer()])],
      {},
      '4.0',
    ),
  },
  {
    rule: 'data_api_version without routing_model',
    code: 'MISSING_REQUIRED_PROPERTY',
    path: 'routing_model',
    document: flow([end('A')], { data_api_version: '3.0' }),
  },
  {
    rule: 'a navigate action without next',
    code: 'MISSING_REQUIRED_PROPERTY',
    path: 'screens[0].layout.children[0].on-click-action.next',
    document: flow([step('A', [footer({ name: 'navigate', payload: {} })]), end('B')]),
  },
  {
    rule: 'a top-level property Meta does not know',
    code: 'INVALID_PROPERTY',
    path: 'endpoint_uri',
    document: flow([end('A')], { endpoint_uri: 'https://example.com/flow' }),
  },
  {
    rule: 'a screen property Meta does not know',
    code: 'INVALID_PROPERTY',
    path: 'screens[0].subtitle',
    document: flow([end('A', [footer()], { subtitle: 'Welcome' })]),
  },
  {
    rule: 'terminal given as a string',
    code: 'INVALID_PROPERTY_TYPE',
    path: 'screens[1].terminal',
    document: flow([end('A'), step('B', [text()], { terminal: 'true' })]),
  },
  {
    rule: 'screens given as an object',
    code: 'INVALID_PROPERTY_TYPE',
    path: 'screens',
    document: { version: '7.3', screens: {} },
  },
  {
    rule: 'a routing model entry that is not a list',
    code: 'INVALID_PROPERTY_TYPE',
    path: 'routing_model.A',
    document: flow([step('A', [footer(navigate('B'))]), end('B')], { routing_model: { A: 'B' } }),
  },
  {
    rule: 'an unknown component type (Meta’s own example of this error)',
    code: 'INVALID_PROPERTY_VALUE',
    path: 'screens[0].layout.children[0].type',
    document: flow([end('A', [{ type: 'TextHeadline', text: 'Hi' }, footer()])]),
  },
  {
    rule: 'an unknown action',
    code: 'INVALID_PROPERTY_VALUE',
    path: 'screens[0].layout.children[0].on-click-action.name',
    document: flow([end('A', [footer({ name: 'submit', payload: {} })])]),
  },
  {
    rule: 'a layout other than SingleColumnLayout',
    code: 'INVALID_PROPERTY_VALUE',
    path: 'screens[0].layout.type',
    document: flow([{ id: 'A', terminal: true, layout: { type: 'TwoColumnLayout', children: [footer()] } }]),
  },
  {
    rule: 'a data entry of an unknown type',
    code: 'INVALID_PROPERTY_VALUE',
    path: 'screens[0].data.name.type',
    document: flow([end('A', [footer()], { data: { name: { type: 'text', __example__: 'Ana' } } })]),
  },
  {
    rule: 'a version Meta does not accept',
    code: 'INVALID_VERSION',
    path: 'version',
    document: flow([end('A')], {}, '1.0'),
  },
  {
    rule: 'a version outside a caller’s list',
    code: 'INVALID_VERSION',
    path: 'version',
    document: flow([end('A')], {}, '7.2'),
    options: { versions: ['7.3'] },
  },
  {
    rule: 'a data_api_version Meta does not accept',
    code: 'INVALID_DATA_API_VERSION',
    path: 'data_api_version',
    document: flow([end('A')], { data_api_version: '2.0', routing_model: {} }),
  },
  {
    rule: 'data_channel_uri from 3.0 on',
    code: 'DATA_CHANNEL_URI_NOT_ALLOWED',
    path: 'data_channel_uri',
    document: flow([end('A')], { data_channel_uri: 'https://example.com/flow' }, '3.0'),
  },
  {
    rule: 'a component newer than the version (ChipsSelector in 6.2)',
    code: 'NOT_AVAILABLE_IN_VERSION',
    path: 'screens[0].layout.children[0].type',
    document: flow(
      [end('A', [{ type: 'ChipsSelector', name: 'chips', label: 'Pick', 'data-source': [] }, footer()])],
      {},
      '6.2',
    ),
  },
  {
    rule: 'an action newer than the version (open_url in 5.1)',
    code: 'NOT_AVAILABLE_IN_VERSION',
    path: 'screens[0].layout.children[0].on-click-action.name',
    document: flow(
      [
        end('A', [
          {
            type: 'EmbeddedLink',
            text: 'Terms',
            'on-click-action': { name: 'open_url', url: 'https://example.com' },
          },
          footer(),
        ]),
      ],
      {},
      '5.1',
    ),
  },
  {
    rule: 'a screen property newer than the version (sensitive in 5.0)',
    code: 'NOT_AVAILABLE_IN_VERSION',
    path: 'screens[0].sensitive',
    document: flow([end('A', [footer()], { sensitive: ['password'] })], {}, '5.0'),
  },
  {
    rule: 'a reference to another screen below 4.0',
    code: 'NOT_AVAILABLE_IN_VERSION',
    path: 'screens[1].layout.children[0].children[0].on-click-action.payload.name',
    document: flow(
      [
        step('A', [form([input('name'), footer(navigate('B'))])]),
        end('B', [form([footer(complete({ name: '${screen.A.form.name}' }))])]),
      ],
      {},
      '3.1',
    ),
  },

  // Screens
  { rule: 'no screens', code: 'EMPTY_SCREENS', path: 'screens', document: flow([]) },
  {
    rule: 'a screen id with a digit',
    code: 'PATTERN_MISMATCH',
    path: 'screens[0].id',
    document: flow([end('SCREEN_1')]),
  },
  {
    rule: 'two screens with one id',
    code: 'DUPLICATE_SCREEN_ID',
    path: 'screens[1].id',
    document: flow([end('A'), end('A')]),
  },
  {
    rule: 'a screen named SUCCESS',
    code: 'RESERVED_SCREEN_ID',
    path: 'screens[0].id',
    document: flow([end('SUCCESS')]),
  },
  {
    rule: 'navigating to SUCCESS',
    code: 'RESERVED_SCREEN_ID',
    path: 'screens[0].layout.children[0].on-click-action.next.name',
    document: flow([step('A', [footer(navigate('SUCCESS'))]), end('B')]),
  },
  {
    rule: 'routing to SUCCESS',
    code: 'RESERVED_SCREEN_ID',
    path: 'routing_model.A[0]',
    document: flow([end('A')], { routing_model: { A: ['SUCCESS'] } }),
  },
  {
    rule: 'no terminal screen',
    code: 'NO_TERMINAL_SCREEN',
    path: 'screens',
    document: flow([step('A', [text()])]),
  },
  {
    rule: 'a terminal screen without a Footer',
    code: 'TERMINAL_SCREEN_WITHOUT_FOOTER',
    path: 'screens[0]',
    document: flow([end('A', [text()])]),
  },

  // Components
  {
    rule: 'an input outside a Form below 4.0',
    code: 'COMPONENT_OUTSIDE_FORM',
    path: 'screens[0].layout.children[0]',
    document: flow([end('A', [input('email'), footer()])], {}, '3.1'),
  },
  {
    rule: 'a Form inside a Form',
    code: 'NESTED_FORM',
    path: 'screens[0].layout.children[0].children[0]',
    document: flow([end('A', [form([form([input('email')], 'inner'), footer()])])]),
  },
  {
    rule: 'more than 50 components on a screen',
    code: 'TOO_MANY_COMPONENTS',
    path: 'screens[0].layout.children',
    document: flow([end('A', [...Array.from({ length: 50 }, () => text()), footer()])]),
  },
  {
    rule: 'two Footers on a screen',
    code: 'COMPONENT_LIMIT_EXCEEDED',
    path: 'screens[0].layout.children',
    document: flow([end('A', [footer(), footer()])]),
  },
  {
    rule: 'three EmbeddedLinks on a screen',
    code: 'COMPONENT_LIMIT_EXCEEDED',
    path: 'screens[0].layout.children',
    document: flow([
      end('A', [
        ...['a', 'b', 'c'].map((page) => ({
          type: 'EmbeddedLink',
          text: page,
          'on-click-action': { name: 'open_url', url: `https://example.com/${page}` },
        })),
        footer(),
      ]),
    ]),
  },
  {
    rule: 'a Footer in both branches of an If and another outside it',
    code: 'COMPONENT_LIMIT_EXCEEDED',
    path: 'screens[0].layout.children',
    document: flow([
      end('A', [{ type: 'If', condition: '${data.ready}', then: [footer()], else: [footer()] }, footer()], {
        data: { ready: { type: 'boolean', __example__: true } },
      }),
    ]),
  },
  {
    rule: 'a PhotoPicker and a DocumentPicker on one screen',
    code: 'PHOTO_AND_DOCUMENT_PICKER',
    path: 'screens[0].layout.children',
    document: flow([
      end('A', [
        { type: 'PhotoPicker', name: 'photos', label: 'Photos' },
        { type: 'DocumentPicker', name: 'documents', label: 'Documents' },
        footer(),
      ]),
    ]),
  },
  {
    rule: 'a Footer in only one branch of an If',
    code: 'FOOTER_IN_ONE_BRANCH',
    path: 'screens[0].layout.children[0]',
    document: flow([
      end('A', [{ type: 'If', condition: '${data.ready}', then: [footer()] }], {
        data: { ready: { type: 'boolean', __example__: true } },
      }),
    ]),
  },
  {
    rule: 'two inputs with one name on a screen',
    code: 'DUPLICATE_INPUT_NAME',
    path: 'screens[0].layout.children[1].children[0].name',
    document: flow([end('A', [form([input('email')], 'first'), form([input('email'), footer()], 'second')])]),
  },

  // Actions
  {
    rule: 'navigating to a screen that does not exist',
    code: 'NAVIGATE_TARGET_NOT_FOUND',
    path: 'screens[0].layout.children[0].on-click-action.next.name',
    document: flow([step('A', [footer(navigate('NOPE'))]), end('B')]),
  },
  {
    rule: 'navigating where the routing model has no route',
    code: 'NAVIGATE_NOT_IN_ROUTING_MODEL',
    path: 'screens[0].layout.children[0].on-click-action.next.name',
    document: flow([step('A', [footer(navigate('C'))]), step('B', [footer(navigate('C'))]), end('C')], {
      routing_model: { A: ['B'], B: ['C'] },
    }),
  },
  {
    rule: 'complete on a screen that is not terminal',
    code: 'COMPLETE_ON_NON_TERMINAL_SCREEN',
    path: 'screens[0].layout.children[0].on-click-action',
    document: flow([step('A', [footer()]), end('B')]),
  },
  {
    rule: 'data_exchange without data_api_version',
    code: 'DATA_EXCHANGE_WITHOUT_ENDPOINT',
    path: 'screens[0].layout.children[0].on-click-action',
    document: flow([end('A', [footer({ name: 'data_exchange', payload: {} })])]),
  },

  // The routing model
  {
    rule: 'a route to a screen that does not exist',
    code: 'ROUTING_MODEL_UNKNOWN_SCREEN',
    path: 'routing_model.A[1]',
    document: flow([step('A', [footer(navigate('B'))]), end('B')], { routing_model: { A: ['B', 'NOPE'] } }),
  },
  {
    rule: 'routes from a screen that does not exist',
    code: 'ROUTING_MODEL_UNKNOWN_SCREEN',
    path: 'routing_model.NOPE',
    document: flow([step('A', [footer(navigate('B'))]), end('B')], { routing_model: { A: ['B'], NOPE: [] } }),
  },
  {
    rule: 'routes that go round in a cycle',
    code: 'ROUTING_MODEL_CYCLE',
    path: 'routing_model.B[0]',
    document: flow([step('A', [footer(navigate('B'))]), end('B')], { routing_model: { A: ['B'], B: ['A'] } }),
  },
  {
    rule: 'a screen routed to itself',
    code: 'ROUTING_MODEL_CYCLE',
    path: 'routing_model.A[0]',
    document: flow([step('A', [footer(navigate('B'))]), end('B')], { routing_model: { A: ['A', 'B'] } }),
  },
  {
    rule: 'a screen no route leads to or from',
    code: 'UNREACHABLE_SCREEN',
    path: 'screens[1]',
    document: flow([step('A', [footer(navigate('C'))]), step('B', [text()]), end('C')], {
      routing_model: { A: ['C'] },
    }),
  },

  // Screen data and dynamic references
  {
    rule: 'a data entry without __example__',
    code: 'MISSING_DATA_EXAMPLE',
    path: 'screens[0].data.name',
    document: flow([end('A', [text('${data.name}'), footer()], { data: { name: { type: 'string' } } })]),
  },
  {
    rule: 'an __example__ of another type than declared',
    code: 'DATA_EXAMPLE_TYPE_MISMATCH',
    path: 'screens[0].data.count.__example__',
    document: flow([end('A', [footer()], { data: { count: { type: 'number', __example__: 'three' } } })]),
  },
  {
    rule: '${data.…} of data the screen does not declare',
    code: 'UNDECLARED_DATA_REFERENCE',
    path: 'screens[0].layout.children[0].text',
    document: flow([end('A', [text('Hello ${data.name}'), footer()], { data: {} })]),
  },
  {
    rule: '${screen.<id>.data.…} of data that screen does not declare',
    code: 'UNDECLARED_DATA_REFERENCE',
    path: 'screens[1].layout.children[0].on-click-action.payload.name',
    document: flow([
      step('A', [footer(navigate('B'))], { data: {} }),
      end('B', [footer(complete({ name: '${screen.A.data.name}' }))]),
    ]),
  },
  {
    rule: '${form.…} of an input the screen does not hold',
    code: 'UNKNOWN_FORM_REFERENCE',
    path: 'screens[0].layout.children[1].on-click-action.payload.email',
    document: flow([end('A', [input('name'), footer(complete({ email: '${form.email}' }))])]),
  },
  {
    rule: '${screen.<id>.…} of a screen that does not exist',
    code: 'UNKNOWN_SCREEN_REFERENCE',
    path: 'screens[0].layout.children[0].on-click-action.payload.name',
    document: flow([end('A', [footer(complete({ name: '${screen.NOPE.form.name}' }))])]),
  },
];

/** An object nested `levels` deep. */
function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = { next: value };
  return value;
}

function codesAndPaths(
  document: unknown,
  options?: RuleCase['options'],
): [string | undefined, string | undefined][] {
  return validateFlowJson(document, options).map((error) => [error.error, error.pointers?.[0]?.path]);
}

describe('validateFlowJson rules', () => {
  it.each(CASES)('$code: $rule', ({ code, path, document, options }) => {
    expect(codesAndPaths(document, options)).toEqual([[code, path]]);
    // The same document as text gives the same errors, now with a place in the text.
    if (typeof document !== 'string') {
      const errors = validateFlowJson(JSON.stringify(document, null, 2), options);
      expect(errors.map((error) => [error.error, error.pointers?.[0]?.path])).toEqual([[code, path]]);
      // Only the errors about the document as a whole (its size, its depth) have no place in it.
      if (code !== 'NESTING_TOO_DEEP') expect(errors[0]?.lineStart).toBeGreaterThanOrEqual(1);
    }
  });

  it('has at least one invalid document for every error code', () => {
    const covered = new Set(CASES.map((rule) => rule.code));
    expect(
      Object.keys(FLOW_JSON_ERROR_CODES).filter((code) => !covered.has(code as FlowJsonErrorCode)),
    ).toEqual([]);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it("gives every error Meta's shape: code, type, message and a pointer", () => {
    const [error] = validateFlowJson(flow([end('A', [{ type: 'TextHeadline' }, footer()])]));
    expect(error).toEqual({
      error: 'INVALID_PROPERTY_VALUE',
      errorType: 'FLOW_JSON_ERROR',
      message: "Invalid value found for property 'type': 'TextHeadline' is not a Flow JSON component.",
      pointers: [{ path: 'screens[0].layout.children[0].type' }],
    });
  });

  it('accepts what the rules allow in the places they leave open', () => {
    const allowed = [
      // One name in both branches of an If: only one of them is ever on screen.
      flow([
        end(
          'A',
          [
            { type: 'If', condition: '${data.ready}', then: [input('email')], else: [input('email')] },
            footer(complete({ email: '${form.email}' })),
          ],
          { data: { ready: { type: 'boolean', __example__: true } } },
        ),
      ]),
      // A Footer in both branches of an If is one Footer, and the terminal screen has it.
      flow([
        end('A', [{ type: 'If', condition: '${data.ready}', then: [footer()], else: [footer()] }], {
          data: { ready: { type: 'boolean', __example__: true } },
        }),
      ]),
      // A version a caller adds before this library knows it.
      flow([end('A')], {}, '8.0'),
      // data_channel_uri below 3.0, and a routing model without data_api_version.
      flow([end('A')], { data_channel_uri: 'https://example.com/flow', routing_model: {} }, '2.1'),
    ];
    for (const document of allowed)
      expect(validateFlowJson(document, { versions: ['2.1', '7.3', '8.0'] })).toEqual([]);
  });
});
