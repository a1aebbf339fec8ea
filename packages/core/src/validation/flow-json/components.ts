import type { FlowJsonChecker } from './checker.js';
import {
  CHILD_LISTS,
  COMPONENT_CATALOG,
  type ComponentSpec,
  MAX_COMPONENTS_PER_SCREEN,
  SWITCH_CASES,
} from './component-catalog.js';
import type { JsonPath, PathSegment } from './path.js';
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
/** `on-click-action`, `on-select-action`, `on-unselect-action`, and any Meta adds. */
const ACTION_SUFFIX = '-action';

/**
 * What the components of a screen, or of one branch of an If or Switch, add up to. Components in
 * a list add up; branches are alternatives, so a count is the highest of any branch (a Footer in
 * both `then` and `else` is one Footer on screen), and a name may repeat across branches but not
 * within one, nor next to the If.
 */
interface Tally {
  readonly counts: Map<string, number>;
  total: number;
  /** Each input name once, with the path of the component that first has it. */
  readonly names: Map<string, JsonPath>;
}

function emptyTally(): Tally {
  return { counts: new Map(), total: 0, names: new Map() };
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
    const tally = emptyTally();
    if (screen.children !== undefined) {
      const childrenPath: JsonPath = [...screen.path, 'layout', 'children'];
      walkList(screen.children, childrenPath, false, walk, tally);
      checkScreenLimits(tally, childrenPath, checker);
    }
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

/** Adds input name `name`, of the component at `path`; a name already there is DUPLICATE_INPUT_NAME. */
function addName(tally: Tally, name: string, path: JsonPath, checker: FlowJsonChecker): void {
  if (tally.names.has(name)) {
    checker.report(
      'DUPLICATE_INPUT_NAME',
      [...path, 'name'],
      `Another component on this screen is already named '${name}'.`,
    );
  } else {
    tally.names.set(name, path);
  }
}

/** Adds the components of a list in order to `tally`. */
function walkList(list: readonly unknown[], path: JsonPath, inForm: boolean, walk: Walk, tally: Tally): void {
  for (let index = 0; index < list.length; index++)
    walkComponent(list[index], [...path, index], inForm, walk, tally);
}

function walkComponent(component: unknown, path: JsonPath, inForm: boolean, walk: Walk, tally: Tally): void {
  const { checker } = walk;
  if (!checker.expectType(component, 'object', path, 'component')) return;
  const record = component as Record<string, unknown>;
  if (!checker.require(record, 'type', path, 'A component')) return;
  if (!checker.expectPropertyType(record, 'type', 'string', path)) return;
  const type = record.type as string;
  const spec = Object.hasOwn(COMPONENT_CATALOG, type) ? COMPONENT_CATALOG[type] : undefined;
  if (spec === undefined) {
    checker.report(
      'INVALID_PROPERTY_VALUE',
      [...path, 'type'],
      `Invalid value found for property 'type': '${type}' is not a Flow JSON component.`,
    );
    return;
  }

  checkComponentItself(record, type, spec, path, inForm, checker);
  tally.counts.set(type, (tally.counts.get(type) ?? 0) + 1);
  tally.total += 1;
  if (spec.input === true && typeof record.name === 'string') addName(tally, record.name, path, checker);

  // Properties that hold data (not child components) may hold actions and dynamic references.
  const childLists = type === 'Switch' ? [SWITCH_CASES] : (CHILD_LISTS[type] ?? []);
  const propertyPath: PathSegment[] = [...path];
  for (const key in record) {
    if (key === 'type' || childLists.includes(key)) continue;
    propertyPath.push(key);
    collectValue(record[key], propertyPath, walk);
    propertyPath.pop();
  }

  if (type === 'Form') {
    walkChildList(record, 'children', path, true, walk, tally);
  } else if (type === 'If') {
    const thenBranch = emptyTally();
    const elseBranch = emptyTally();
    walkChildList(record, 'then', path, inForm, walk, thenBranch);
    walkChildList(record, 'else', path, inForm, walk, elseBranch);
    if (thenBranch.counts.has('Footer') !== elseBranch.counts.has('Footer')) {
      checker.report(
        'FOOTER_IN_ONE_BRANCH',
        path,
        "A Footer inside an If must be in both 'then' and 'else'.",
      );
    }
    addAlternatives(tally, [thenBranch, elseBranch], checker);
  } else if (type === 'Switch') {
    addAlternatives(tally, walkSwitchCases(record, path, inForm, walk), checker);
  }
}

/** Adds branches of which one is on screen at a time: the most of each, every name once. */
function addAlternatives(tally: Tally, branches: readonly Tally[], checker: FlowJsonChecker): void {
  const counts = new Map<string, number>();
  let total = 0;
  const names = new Map<string, JsonPath>();
  for (const branch of branches) {
    for (const [type, count] of branch.counts) counts.set(type, Math.max(counts.get(type) ?? 0, count));
    total = Math.max(total, branch.total);
    for (const [name, path] of branch.names) if (!names.has(name)) names.set(name, path);
  }
  for (const [type, count] of counts) tally.counts.set(type, (tally.counts.get(type) ?? 0) + count);
  tally.total += total;
  for (const [name, path] of names) addName(tally, name, path, checker);
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
  if (record.name !== undefined) checker.expectPropertyType(record, 'name', 'string', path);
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

/** Walks `record[key]`, a list of child components, when it is there and is a list. */
function walkChildList(
  record: Record<string, unknown>,
  key: string,
  path: JsonPath,
  inForm: boolean,
  walk: Walk,
  tally: Tally,
): void {
  const list = record[key];
  if (list === undefined || !walk.checker.expectPropertyType(record, key, 'array', path)) return;
  walkList(list as unknown[], [...path, key], inForm, walk, tally);
}

/** One tally per case of a Switch. */
function walkSwitchCases(
  record: Record<string, unknown>,
  path: JsonPath,
  inForm: boolean,
  walk: Walk,
): Tally[] {
  const cases = record[SWITCH_CASES];
  if (cases === undefined || !walk.checker.expectPropertyType(record, SWITCH_CASES, 'object', path))
    return [];
  const casesPath = [...path, SWITCH_CASES];
  return Object.keys(cases as Record<string, unknown>).map((key) => {
    const branch = emptyTally();
    walkChildList(cases as Record<string, unknown>, key, casesPath, inForm, walk, branch);
    return branch;
  });
}

/**
 * Collects the actions and the strings with dynamic references in a component's data. `path` is
 * the value's place, pushed to and popped as the walk goes down and up, and copied only for what
 * is collected: data sources can hold hundreds of options, and a copy per value would cost more
 * than the rest of the validation.
 */
function collectValue(value: unknown, path: PathSegment[], walk: Walk): void {
  if (typeof value === 'string') {
    if (value.includes('${')) walk.references.push({ text: value, path: [...path] });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      collectValue(value[index], path, walk);
      path.pop();
    }
    return;
  }
  const record = value as Record<string, unknown>;
  const key = path[path.length - 1];
  if (typeof key === 'string' && key.endsWith(ACTION_SUFFIX))
    walk.actions.push({ action: record, path: [...path] });
  // for…in, not Object.entries: no array per object. The values come from JSON.parse, so every
  // enumerable property is the object's own.
  for (const entryKey in record) {
    path.push(entryKey);
    collectValue(record[entryKey], path, walk);
    path.pop();
  }
}
