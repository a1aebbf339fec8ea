import { isRecord } from '../../adapter/is-record.js';
import type { AllowedProperty, FlowJsonChecker } from './checker.js';
import type { FlowDocument } from './document.js';
import type { JsonPath } from './path.js';

/*
 * The rules on screens: their properties, their ids, their layout, and which of them end the flow.
 */

const SCREEN_PROPERTIES: Readonly<Record<string, AllowedProperty>> = {
  id: { type: 'string' },
  title: { type: 'string' },
  terminal: { type: 'boolean' },
  success: { type: 'boolean' },
  data: { type: 'object' },
  layout: { type: 'object' },
  refresh_on_back: { type: 'boolean' },
  sensitive: { since: '5.1', type: 'array' },
};

const LAYOUT_PROPERTIES: Readonly<Record<string, AllowedProperty>> = {
  type: { type: 'string' },
  children: { type: 'array' },
};

/** The only layout Meta has. */
const LAYOUT_TYPE = 'SingleColumnLayout';

/** Meta: a screen id consists of letters and underscores only. */
const SCREEN_ID_PATTERN = /^[A-Za-z_]+$/;

/**
 * Not a screen: an endpoint answers `{ screen: 'SUCCESS' }` to close the flow, so no screen may
 * take the name, and no navigate action or route can lead to it.
 */
export const RESERVED_SCREEN_ID = 'SUCCESS';

/** One screen as the later rule groups see it; each part only when it has the right type. */
export interface ScreenInfo {
  readonly path: JsonPath;
  readonly id: string | undefined;
  readonly terminal: boolean;
  readonly data: Record<string, unknown> | undefined;
  readonly title: unknown;
  /** `layout.children`, whose path is `[...path, 'layout', 'children']`. */
  readonly children: readonly unknown[] | undefined;
}

export interface ScreenIndex {
  readonly screens: readonly ScreenInfo[];
  /** The first screen with each id. */
  readonly byId: ReadonlyMap<string, ScreenInfo>;
}

export function checkScreens(document: FlowDocument, checker: FlowJsonChecker): ScreenIndex {
  const screens: ScreenInfo[] = [];
  const byId = new Map<string, ScreenInfo>();
  if (document.screens?.length === 0) {
    checker.report('EMPTY_SCREENS', ['screens'], 'A flow needs at least one screen.');
  }
  document.screens?.forEach((screen, index) => {
    const path: JsonPath = ['screens', index];
    if (!checker.expectType(screen, 'object', path, 'screen')) return;
    const info = checkScreen(screen as Record<string, unknown>, path, checker);
    screens.push(info);
    if (info.id === undefined) return;
    if (byId.has(info.id)) {
      checker.report(
        'DUPLICATE_SCREEN_ID',
        [...path, 'id'],
        `Another screen already has the id '${info.id}'.`,
      );
    } else {
      byId.set(info.id, info);
    }
  });
  if (screens.length > 0 && !screens.some((screen) => screen.terminal)) {
    checker.report(
      'NO_TERMINAL_SCREEN',
      ['screens'],
      'A flow needs at least one screen with "terminal": true.',
    );
  }
  return { screens, byId };
}

function checkScreen(screen: Record<string, unknown>, path: JsonPath, checker: FlowJsonChecker): ScreenInfo {
  checker.checkProperties(screen, SCREEN_PROPERTIES, path, 'a screen');
  checker.require(screen, 'id', path, 'A screen');
  checker.require(screen, 'layout', path, 'A screen');

  const id = typeof screen.id === 'string' ? screen.id : undefined;
  if (id === RESERVED_SCREEN_ID) {
    checker.report(
      'RESERVED_SCREEN_ID',
      [...path, 'id'],
      `'${RESERVED_SCREEN_ID}' is reserved (an endpoint answers with it to close the flow) and cannot be a screen id.`,
    );
  } else if (id !== undefined && !SCREEN_ID_PATTERN.test(id)) {
    checker.report(
      'PATTERN_MISMATCH',
      [...path, 'id'],
      `Screen id '${id}' should only consist of letters and underscores.`,
    );
  }

  let children: readonly unknown[] | undefined;
  const layoutPath = [...path, 'layout'];
  if (isRecord(screen.layout)) {
    const layout = screen.layout;
    checker.checkProperties(layout, LAYOUT_PROPERTIES, layoutPath, 'a layout');
    checker.require(layout, 'type', layoutPath, 'A layout');
    checker.require(layout, 'children', layoutPath, 'A layout');
    if (typeof layout.type === 'string' && layout.type !== LAYOUT_TYPE) {
      checker.report(
        'INVALID_PROPERTY_VALUE',
        [...layoutPath, 'type'],
        `Invalid value found for property 'type': the layout type is '${LAYOUT_TYPE}'.`,
      );
    }
    if (Array.isArray(layout.children)) children = layout.children;
  }

  return {
    path,
    id,
    terminal: screen.terminal === true,
    data: isRecord(screen.data) ? screen.data : undefined,
    title: screen.title,
    children,
  };
}

/** Meta: every terminal screen ends the flow with a Footer. */
export function checkTerminalScreens(
  screens: readonly { readonly screen: ScreenInfo; readonly hasFooter: boolean }[],
  checker: FlowJsonChecker,
): void {
  for (const { screen, hasFooter } of screens) {
    if (screen.terminal && screen.children !== undefined && !hasFooter) {
      checker.report(
        'TERMINAL_SCREEN_WITHOUT_FOOTER',
        screen.path,
        `Terminal screen '${screen.id ?? '?'}' needs a Footer component.`,
      );
    }
  }
}
