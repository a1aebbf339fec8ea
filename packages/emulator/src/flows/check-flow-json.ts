import type { FlowValidationError } from '../model.js';
import {
  formatJsonPath,
  type JsonPath,
  type JsonSpan,
  jsonSyntaxError,
  lineAndColumn,
  locateJsonPath,
} from './json-locations.js';

/*
 * The emulator's own check of an uploaded Flow JSON, written from Meta's Flow JSON reference
 * (https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson) and independent of the
 * library's validator, so that each can catch the other's mistakes. It covers the main rules
 * Meta applies when a Flow JSON is uploaded, and answers in the shape of Meta's
 * `validation_errors`: every problem at once, each with its position in the text and a pointer
 * to the value.
 */

/**
 * The Flow JSON versions Meta accepts, from its Flows changelog
 * (https://developers.facebook.com/docs/whatsapp/flows/changelogs).
 */
export const FLOW_JSON_VERSIONS: readonly string[] = [
  '2.1',
  '3.0',
  '3.1',
  '4.0',
  '5.0',
  '5.1',
  '6.0',
  '6.1',
  '6.2',
  '6.3',
  '7.0',
  '7.1',
  '7.2',
  '7.3',
];

/** The `data_api_version` values Meta accepts (the same changelog). */
export const FLOW_DATA_API_VERSIONS: readonly string[] = ['3.0', '4.0'];

/** Beyond this many, problems are not reported: each one costs a scan of the text. */
const MAX_REPORTED = 100;

type JsonObject = Record<string, unknown>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `error` codes the emulator reports. Those Meta's own examples show keep Meta's spelling
 * (INVALID_FLOW_JSON, MISSING_REQUIRED_PROPERTY, INVALID_PROPERTY_VALUE); the others are the
 * emulator's, named in the same style.
 */
export type FlowJsonErrorCode =
  | 'INVALID_FLOW_JSON'
  | 'MISSING_REQUIRED_PROPERTY'
  | 'INVALID_PROPERTY_VALUE'
  | 'INVALID_VERSION'
  | 'INVALID_DATA_API_VERSION'
  | 'DUPLICATE_SCREEN_ID'
  | 'NO_TERMINAL_SCREEN'
  | 'NAVIGATE_TARGET_NOT_FOUND'
  | 'ROUTING_MODEL_UNKNOWN_SCREEN';

/**
 * Meta's two kinds of validation error: `JSON_SCHEMA_ERROR` for the shape of the document,
 * `FLOW_JSON_ERROR` for what it means.
 */
const ERROR_TYPES: Readonly<Record<FlowJsonErrorCode, 'JSON_SCHEMA_ERROR' | 'FLOW_JSON_ERROR'>> = {
  INVALID_FLOW_JSON: 'JSON_SCHEMA_ERROR',
  MISSING_REQUIRED_PROPERTY: 'JSON_SCHEMA_ERROR',
  // Meta's own example pairs this code with FLOW_JSON_ERROR.
  INVALID_PROPERTY_VALUE: 'FLOW_JSON_ERROR',
  INVALID_VERSION: 'FLOW_JSON_ERROR',
  INVALID_DATA_API_VERSION: 'FLOW_JSON_ERROR',
  DUPLICATE_SCREEN_ID: 'FLOW_JSON_ERROR',
  NO_TERMINAL_SCREEN: 'FLOW_JSON_ERROR',
  NAVIGATE_TARGET_NOT_FOUND: 'FLOW_JSON_ERROR',
  ROUTING_MODEL_UNKNOWN_SCREEN: 'FLOW_JSON_ERROR',
};

/**
 * Checks a Flow JSON text as Meta does on upload: well-formed JSON, an object with a known
 * `version` (and `data_api_version`, when given), a non-empty `screens` list of screens with
 * unique string `id`s, at least one `terminal` screen, `navigate` actions that name an existing
 * screen, and a `routing_model` whose screens all exist. Returns every problem found (at most
 * 100), in document order within each rule; empty when the document passes.
 */
export function checkFlowJson(text: string): FlowValidationError[] {
  const report = new Report(text);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const syntax = jsonSyntaxError(text) ?? { offset: 0, message: 'Not well-formed JSON' };
    report.add('INVALID_FLOW_JSON', `Invalid JSON: ${syntax.message}.`, [], {
      start: syntax.offset,
      end: Math.min(syntax.offset + 1, text.length),
    });
    return report.errors;
  }
  if (!isObject(document)) {
    report.add('INVALID_FLOW_JSON', 'The Flow JSON must be a JSON object.', []);
    return report.errors;
  }
  checkVersions(document, report);
  const screenIds = checkScreens(document, report);
  if (screenIds) {
    checkNavigation(document, screenIds, report);
    checkRoutingModel(document, screenIds, report);
  }
  return report.errors;
}

/** The validation errors of a Flow JSON upload: Meta's checks, on UTF-8 text. */
export function validateFlowJsonBytes(bytes: Uint8Array): FlowValidationError[] {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return [
      {
        error: 'INVALID_FLOW_JSON',
        errorType: 'JSON_SCHEMA_ERROR',
        message: 'The Flow JSON is not UTF-8 text.',
        pointers: [],
      },
    ];
  }
  return checkFlowJson(text);
}

function checkVersions(document: JsonObject, report: Report): void {
  const { version } = document;
  if (version === undefined) {
    report.add('MISSING_REQUIRED_PROPERTY', "Required property 'version' is missing.", []);
  } else if (typeof version !== 'string') {
    report.add('INVALID_PROPERTY_VALUE', "Property 'version' must be a string.", ['version']);
  } else if (!FLOW_JSON_VERSIONS.includes(version)) {
    report.add(
      'INVALID_VERSION',
      `Flow JSON version '${version}' is not available. Use one of ${FLOW_JSON_VERSIONS.join(', ')}.`,
      ['version'],
    );
  }
  const dataApiVersion = document.data_api_version;
  if (
    dataApiVersion !== undefined &&
    (typeof dataApiVersion !== 'string' || !FLOW_DATA_API_VERSIONS.includes(dataApiVersion))
  ) {
    report.add(
      'INVALID_DATA_API_VERSION',
      `Property 'data_api_version' must be one of ${FLOW_DATA_API_VERSIONS.join(', ')}.`,
      ['data_api_version'],
    );
  }
}

/** The ids of the well-formed screens, or undefined when there is no screen list to check against. */
function checkScreens(document: JsonObject, report: Report): Map<string, number> | undefined {
  const { screens } = document;
  if (screens === undefined) {
    report.add('MISSING_REQUIRED_PROPERTY', "Required property 'screens' is missing.", []);
    return undefined;
  }
  if (!Array.isArray(screens)) {
    report.add('INVALID_PROPERTY_VALUE', "Property 'screens' must be an array of screens.", ['screens']);
    return undefined;
  }
  if (screens.length === 0) {
    report.add('INVALID_PROPERTY_VALUE', 'A Flow JSON needs at least one screen.', ['screens']);
    return undefined;
  }
  const ids = new Map<string, number>();
  let terminal = false;
  screens.forEach((screen: unknown, index) => {
    if (!isObject(screen)) {
      report.add('INVALID_PROPERTY_VALUE', 'A screen must be an object.', ['screens', index]);
      return;
    }
    if (screen.terminal === true) terminal = true;
    const { id } = screen;
    if (id === undefined) {
      report.add('MISSING_REQUIRED_PROPERTY', "Required property 'id' is missing.", ['screens', index]);
    } else if (typeof id !== 'string' || id === '') {
      report.add('INVALID_PROPERTY_VALUE', "A screen's 'id' must be a non-empty string.", [
        'screens',
        index,
        'id',
      ]);
    } else {
      const first = ids.get(id);
      if (first === undefined) {
        ids.set(id, index);
      } else {
        report.add(
          'DUPLICATE_SCREEN_ID',
          `Screen id '${id}' is used by screens[${first}] already: screen ids must be unique.`,
          ['screens', index, 'id'],
          undefined,
          [['screens', first, 'id']],
        );
      }
    }
  });
  if (!terminal) {
    report.add(
      'NO_TERMINAL_SCREEN',
      'At least one screen must be terminal ("terminal": true): a Flow must be able to end.',
      ['screens'],
    );
  }
  return ids;
}

/** A value met while walking a layout, and how it was reached (a parent link: paths are built only when reported). */
interface WalkStep {
  value: unknown;
  key: string | number;
  parent: WalkStep | undefined;
}

function pathOf(step: WalkStep): JsonPath {
  const path: Array<string | number> = [];
  for (let current: WalkStep | undefined = step; current; current = current.parent) path.push(current.key);
  return path.reverse();
}

/** Every `navigate` action inside the screens' layouts must name a screen that exists. */
function checkNavigation(document: JsonObject, screenIds: Map<string, number>, report: Report): void {
  const screens = document.screens as unknown[];
  screens.forEach((screen, index) => {
    if (!isObject(screen) || screen.layout === undefined) return;
    const screenStep: WalkStep = {
      value: screen,
      key: index,
      parent: { value: screens, key: 'screens', parent: undefined },
    };
    // Walked with a stack, not recursion: a deep layout cannot overflow the stack.
    const pending: WalkStep[] = [{ value: screen.layout, key: 'layout', parent: screenStep }];
    while (pending.length > 0) {
      const step = pending.pop() as WalkStep;
      const { value } = step;
      if (Array.isArray(value)) {
        for (let item = value.length - 1; item >= 0; item--) {
          pending.push({ value: value[item], key: item, parent: step });
        }
        continue;
      }
      if (!isObject(value)) continue;
      if (value.name === 'navigate' && isObject(value.next)) {
        const target = value.next.name;
        if (typeof target !== 'string' || !screenIds.has(target)) {
          report.add(
            'NAVIGATE_TARGET_NOT_FOUND',
            `The navigate action leads to screen '${String(target)}', which does not exist.`,
            [...pathOf(step), 'next', 'name'],
          );
        }
      }
      const keys = Object.keys(value);
      for (let key = keys.length - 1; key >= 0; key--) {
        const name = keys[key] as string;
        pending.push({ value: value[name], key: name, parent: step });
      }
    }
  });
}

/** `routing_model` maps each screen to the screens it may lead to; all of them must exist. */
function checkRoutingModel(document: JsonObject, screenIds: Map<string, number>, report: Report): void {
  const routing = document.routing_model;
  if (routing === undefined) return;
  if (!isObject(routing)) {
    report.add('INVALID_PROPERTY_VALUE', "Property 'routing_model' must be an object.", ['routing_model']);
    return;
  }
  for (const [from, targets] of Object.entries(routing)) {
    if (!screenIds.has(from)) {
      report.add(
        'ROUTING_MODEL_UNKNOWN_SCREEN',
        `The routing model names screen '${from}', which does not exist.`,
        ['routing_model', from],
      );
    }
    if (!Array.isArray(targets)) {
      report.add('INVALID_PROPERTY_VALUE', 'A routing model entry must be an array of screen ids.', [
        'routing_model',
        from,
      ]);
      continue;
    }
    targets.forEach((target: unknown, index) => {
      if (typeof target !== 'string' || !screenIds.has(target)) {
        report.add(
          'ROUTING_MODEL_UNKNOWN_SCREEN',
          `The routing model leads from '${from}' to screen '${String(target)}', which does not exist.`,
          ['routing_model', from, index],
        );
      }
    });
  }
}

/** Collects errors in Meta's shape, finding each one's place in the text. */
class Report {
  readonly errors: FlowValidationError[] = [];

  constructor(private readonly text: string) {}

  /**
   * Adds a problem at the value of `path` (the whole document for `[]`), or at `span` when the
   * value has no path (a syntax error). `alsoAt` adds pointers to related values.
   */
  add(
    code: FlowJsonErrorCode,
    message: string,
    path: JsonPath,
    span?: JsonSpan,
    alsoAt: JsonPath[] = [],
  ): void {
    if (this.errors.length >= MAX_REPORTED) return;
    const place = span ?? locateJsonPath(this.text, path);
    const error: FlowValidationError = { error: code, errorType: ERROR_TYPES[code], message };
    if (place) Object.assign(error, this.position(place));
    error.pointers = span
      ? []
      : [path, ...alsoAt].map((pointerPath) => {
          const pointerPlace = locateJsonPath(this.text, pointerPath);
          return { ...(pointerPlace ? this.position(pointerPlace) : {}), path: formatJsonPath(pointerPath) };
        });
    this.errors.push(error);
  }

  private position(span: JsonSpan) {
    const start = lineAndColumn(this.text, span.start);
    const end = lineAndColumn(this.text, span.end);
    return { lineStart: start.line, lineEnd: end.line, columnStart: start.column, columnEnd: end.column };
  }
}
