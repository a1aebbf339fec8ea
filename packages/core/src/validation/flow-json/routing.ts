import type { FlowJsonChecker } from './checker.js';
import type { FlowDocument } from './document.js';
import type { JsonPath } from './path.js';
import { RESERVED_SCREEN_ID, type ScreenIndex } from './screens.js';

/*
 * The rules on `routing_model`, the map from each screen to the screens it may lead to: routes
 * name existing screens, lead forward only (going back is always possible, so a route back is a
 * cycle), and leave no screen out when there are several.
 */

interface Route {
  readonly target: string;
  readonly path: JsonPath;
}

export function checkRouting(document: FlowDocument, index: ScreenIndex, checker: FlowJsonChecker): void {
  const model = document.routingModel;
  if (model === undefined) return;

  const routes = new Map<string, Route[]>();
  // Screens that list routes of their own, valid or not (an invalid one is reported once, alone).
  const leading = new Set<string>();
  // Which screens are reached cannot be told from a model with a malformed entry.
  let wellFormed = true;
  for (const source of Object.keys(model)) {
    const sourcePath: JsonPath = ['routing_model', source];
    const targets = model[source];
    if (!checker.expectType(targets, 'array', sourcePath, source)) {
      wellFormed = false;
      continue;
    }
    if (!isKnownScreen(source, sourcePath, index, checker)) continue;
    if ((targets as unknown[]).length > 0) leading.add(source);
    const valid: Route[] = [];
    (targets as unknown[]).forEach((target, position) => {
      const path = [...sourcePath, position];
      if (!checker.expectType(target, 'string', path, `${source}[${position}]`)) return;
      if (isKnownScreen(target as string, path, index, checker))
        valid.push({ target: target as string, path });
    });
    routes.set(source, valid);
  }

  reportCycles(routes, checker);
  if (wellFormed) reportUnreachable(routes, leading, index, checker);
}

function isKnownScreen(id: string, path: JsonPath, index: ScreenIndex, checker: FlowJsonChecker): boolean {
  if (index.byId.has(id)) return true;
  if (id === RESERVED_SCREEN_ID) {
    checker.report(
      'RESERVED_SCREEN_ID',
      path,
      `'${RESERVED_SCREEN_ID}' is not a screen: only an endpoint can end a flow with it, no route leads to it.`,
    );
  } else {
    checker.report(
      'ROUTING_MODEL_UNKNOWN_SCREEN',
      path,
      `The routing model names '${id}', but no screen has that id.`,
    );
  }
  return false;
}

/**
 * A depth-first search that reports each route closing a cycle (including a screen routed to
 * itself). Iterative, because a hostile document may chain thousands of screens.
 */
function reportCycles(routes: ReadonlyMap<string, readonly Route[]>, checker: FlowJsonChecker): void {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of routes.keys()) {
    if (state.has(start)) continue;
    const stack: { screen: string; next: number }[] = [{ screen: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const route = routes.get(frame.screen)?.[frame.next];
      if (route === undefined) {
        state.set(frame.screen, 'done');
        stack.pop();
        continue;
      }
      frame.next += 1;
      const seen = state.get(route.target);
      if (seen === 'open') {
        checker.report(
          'ROUTING_MODEL_CYCLE',
          route.path,
          `Backward route [${frame.screen}->${route.target}] is not allowed: it closes a cycle, and routes lead forward only (going back needs no route).`,
        );
      } else if (seen === undefined) {
        state.set(route.target, 'open');
        stack.push({ screen: route.target, next: 0 });
      }
    }
  }
}

/** With several screens, a screen that no route leads to or from cannot be reached. */
function reportUnreachable(
  routes: ReadonlyMap<string, readonly Route[]>,
  leading: ReadonlySet<string>,
  index: ScreenIndex,
  checker: FlowJsonChecker,
): void {
  if (index.byId.size < 2) return;
  const routed = new Set(leading);
  for (const targets of routes.values()) for (const { target } of targets) routed.add(target);
  for (const [id, screen] of index.byId) {
    if (!routed.has(id)) {
      checker.report(
        'UNREACHABLE_SCREEN',
        screen.path,
        `No route in the routing model leads to or from '${id}'.`,
      );
    }
  }
}
