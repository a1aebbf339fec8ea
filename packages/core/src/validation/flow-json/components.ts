import { isRecord } from '../../adapter/is-record.js';
import type { FlowJsonChecker } from './checker.js';
import {
  CHILD_LISTS,
  COMPONENT_CATALOG,
  type ComponentSpec,
  MAX_COMPONENTS_PER_SCREEN,
  SWITCH_CASES,
} from './component-catalog.js';
import type { JsonPath } from './path.js';
import type { ScreenIndex, ScreenInfo } from './screens.js';

/*
 * The rules on components: known types, the version each needs, required properties, where
 * Forms and inputs may sit, how many of each a screen may hold, and unique input names. One walk
 * over each screen's components also collects what the action and data rules look at, so that
 * no later rule walks the tree again.
 */

/** An action object (`on-click-action`, `on-select-action`, ...) and where it is. */
export interface ActionSite {
  readonly action: Record<string, unknown>;
  readonly path: JsonPath;
}

/** A string that holds a dynamic reference (`${...}`), and where it is. */
export interface ReferenceSite {
  readonly text: string;
  readonly path: JsonPath;
}

/** What one screen's components hold, for the rules that run after the walk. */
export interface ScreenFacts {
  readonly screen: ScreenInfo;
  readonly actions: readonly ActionSite[];
  readonly references: readonly ReferenceSite[];
  /** The names of the screen's input components, which `${form.<name>}` refers to. */
  readonly inputNames: ReadonlySet<string>;
  readonly hasFooter: boolean;
}

const VERSION_WITHOUT_FORMS = '4.0';
const ACTION_KEY = /-action$/;

/**
 * What a list of components adds up to. Branches of If and Switch are alternatives: a count is
 * the highest of any branch (a Footer in both `then` and `else` is one Footer on screen), and a
 * name may repeat across branches but not within one.
 */
interface Tally {
  readonly counts: Map<string, number>;
  total: number;
  /** Each input name once, with where it first appears. */
  readonly names: Map<string, JsonPath>;
}

function emptyTally(): Tally {
  return { counts: new Map(), total: 0, names: new Map() };
}

/** Folds branch `other` into `into` as an alternative to it. */
function mergeAlternative(into: Tally, other: Tally): void {
  for (const [type, count] of other.counts)
    into.counts.set(type, Math.max(into.counts.get(type) ?? 0, count));
  into.total = Math.max(into.total, other.total);
  for (const [name, path] of other.names) if (!into.names.has(name)) into.names.set(name, path);
}

/** The per-screen walk's running state: the facts being collected and the checker. */
interface Walk {
  readonly checker: FlowJsonChecker;
  readonly actions: ActionSite[];
  readonly references: ReferenceSite[];
}

export function checkComponents(index: ScreenIndex, checker: FlowJsonChecker): ScreenFacts[] {
  return index.screens.map((screen) => {
    const walk: Walk = { checker, actions: [], references: [] };
    if (typeof screen.title === 'string') collectValue(screen.title, [...screen.path, 'title'], walk);
    if (screen.children === undefined) {
      return { screen, actions: [], references: walk.references, inputNames: new Set(), hasFooter: false };
    }
    const childrenPath: JsonPath = [...screen.path, 'layout', 'children'];
    const tally = walkList(screen.children, childrenPath, false, walk);
    checkScreenLimits(tally, childrenPath, checker);
    return {
      screen,
      actions: walk.actions,
      references: walk.references,
      inputNames: new Set(tally.names.keys()),
      hasFooter: (tally.counts.get('Footer') ?? 0) > 0,
    };
  });
}

function checkScreenLimits(tally: Tally, path: JsonPath, checker: FlowJsonChecker): void {
  if (tally.total > MAX_COMPONENTS_PER_SCREEN) {
    checker.report(
      'TOO_MANY_COMPONENTS',
      path,
      `A screen holds at most ${MAX_COMPONENTS_PER_SCREEN} components; this one holds ${tally.total}.`,
    );
  }
  for (const [type, count] of tally.counts) {
    const limit = COMPONENT_CATALOG[type]?.perScreen;
    if (limit !== undefined && count > limit) {
      checker.report(
        'COMPONENT_LIMIT_EXCEEDED',
        path,
        `A screen holds at most ${limit} ${type} component${limit === 1 ? '' : 's'}; this one holds ${count}.`,
      );
    }
  }
  if (tally.counts.has('PhotoPicker') && tally.counts.has('DocumentPicker')) {
    checker.report(
      'PHOTO_AND_DOCUMENT_PICKER',
      path,
      'A screen cannot hold both a PhotoPicker and a DocumentPicker.',
    );
  }
}

/** Walks a list of components in order; names repeated within it are DUPLICATE_INPUT_NAME. */
function walkList(list: readonly unknown[], path: JsonPath, inForm: boolean, walk: Walk): Tally {
  const tally = emptyTally();
  list.forEach((child, index) => {
    const childTally = walkComponent(child, [...path, index], inForm, walk);
    for (const [type, count] of childTally.counts)
      tally.counts.set(type, (tally.counts.get(type) ?? 0) + count);
    tally.total += childTally.total;
    for (const [name, namePath] of childTally.names) {
      if (tally.names.has(name)) {
        walk.checker.report(
          'DUPLICATE_INPUT_NAME',
          namePath,
          `Another component on this screen is already named '${name}'.`,
        );
      } else {
        tally.names.set(name, namePath);
      }
    }
  });
  return tally;
}

function walkComponent(component: unknown, path: JsonPath, inForm: boolean, walk: Walk): Tally {
  const { checker } = walk;
  const tally = emptyTally();
  if (!checker.expectType(component, 'object', path, 'component')) return tally;
  const record = component as Record<string, unknown>;
  if (!checker.require(record, 'type', path, 'A component')) return tally;
  if (!checker.expectType(record.type, 'string', [...path, 'type'], 'type')) return tally;
  const type = record.type as string;
  const spec = Object.hasOwn(COMPONENT_CATALOG, type) ? COMPONENT_CATALOG[type] : undefined;
  if (spec === undefined) {
    checker.report(
      'INVALID_PROPERTY_VALUE',
      [...path, 'type'],
      `Invalid value found for property 'type': '${type}' is not a Flow JSON component.`,
    );
    return tally;
  }

  checkComponentItself(record, type, spec, path, inForm, checker);
  tally.counts.set(type, 1);
  tally.total = 1;
  if (spec.input === true && typeof record.name === 'string') tally.names.set(record.name, [...path, 'name']);

  // Properties that hold data (not child components) may hold actions and dynamic references.
  const childLists = type === 'Switch' ? [SWITCH_CASES] : (CHILD_LISTS[type] ?? []);
  for (const key of Object.keys(record)) {
    if (key !== 'type' && !childLists.includes(key)) collectValue(record[key], [...path, key], walk);
  }

  if (type === 'Form') {
    addChildren(tally, walkChildList(record, 'children', path, true, walk));
  } else if (type === 'If') {
    const thenTally = walkChildList(record, 'then', path, inForm, walk);
    const elseTally = walkChildList(record, 'else', path, inForm, walk);
    const footers = (branch: Tally) => (branch.counts.get('Footer') ?? 0) > 0;
    if (footers(thenTally) !== footers(elseTally)) {
      checker.report(
        'FOOTER_IN_ONE_BRANCH',
        path,
        "A Footer inside an If must be in both 'then' and 'else'.",
      );
    }
    mergeAlternative(thenTally, elseTally);
    addChildren(tally, thenTally);
  } else if (type === 'Switch') {
    addChildren(tally, walkSwitchCases(record, path, inForm, walk));
  }
  return tally;
}

/** The rules on one component that need nothing but the component and where it sits. */
function checkComponentItself(
  record: Record<string, unknown>,
  type: string,
  spec: ComponentSpec,
  path: JsonPath,
  inForm: boolean,
  checker: FlowJsonChecker,
): void {
  if (!checker.allows(spec.since)) {
    checker.report(
      'NOT_AVAILABLE_IN_VERSION',
      [...path, 'type'],
      `${type} needs Flow JSON ${spec.since} or later.`,
    );
  }
  for (const required of spec.required) {
    const name = typeof required === 'string' ? required : required.name;
    if (typeof required !== 'string' && !checker.allows(required.since)) continue;
    checker.require(record, name, path, type);
  }
  if (record.name !== undefined) checker.expectType(record.name, 'string', [...path, 'name'], 'name');
  if (type === 'Form' && inForm) {
    checker.report('NESTED_FORM', path, 'A Form cannot sit inside another Form.');
  }
  if (spec.input === true && !inForm && !checker.allows(VERSION_WITHOUT_FORMS)) {
    checker.report(
      'COMPONENT_OUTSIDE_FORM',
      path,
      `Below Flow JSON ${VERSION_WITHOUT_FORMS}, ${type} must sit inside a Form.`,
    );
  }
}

function addChildren(tally: Tally, children: Tally): void {
  for (const [type, count] of children.counts) tally.counts.set(type, (tally.counts.get(type) ?? 0) + count);
  tally.total += children.total;
  for (const [name, path] of children.names) if (!tally.names.has(name)) tally.names.set(name, path);
}

function walkChildList(
  record: Record<string, unknown>,
  key: string,
  path: JsonPath,
  inForm: boolean,
  walk: Walk,
): Tally {
  const list = record[key];
  if (list === undefined || !walk.checker.expectType(list, 'array', [...path, key], key)) return emptyTally();
  return walkList(list as unknown[], [...path, key], inForm, walk);
}

function walkSwitchCases(
  record: Record<string, unknown>,
  path: JsonPath,
  inForm: boolean,
  walk: Walk,
): Tally {
  const cases = record[SWITCH_CASES];
  const casesPath = [...path, SWITCH_CASES];
  const tally = emptyTally();
  if (cases === undefined || !walk.checker.expectType(cases, 'object', casesPath, SWITCH_CASES)) return tally;
  for (const key of Object.keys(cases as Record<string, unknown>)) {
    mergeAlternative(tally, walkChildList(cases as Record<string, unknown>, key, casesPath, inForm, walk));
  }
  return tally;
}

/** Collects the actions and the strings with dynamic references in a component's data. */
function collectValue(value: unknown, path: JsonPath, walk: Walk): void {
  if (typeof value === 'string') {
    if (value.includes('${')) walk.references.push({ text: value, path });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      collectValue(item, [...path, index], walk);
    });
  } else if (isRecord(value)) {
    const key = path[path.length - 1];
    if (typeof key === 'string' && ACTION_KEY.test(key)) walk.actions.push({ action: value, path });
    for (const [entryKey, entry] of Object.entries(value)) collectValue(entry, [...path, entryKey], walk);
  }
}
