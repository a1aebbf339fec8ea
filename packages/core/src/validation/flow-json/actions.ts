import type { FlowJsonChecker } from './checker.js';
import type { ActionSite, ScreenFacts } from './components.js';
import type { FlowDocument } from './document.js';
import { RESERVED_SCREEN_ID, type ScreenIndex, type ScreenInfo } from './screens.js';

/*
 * The rules on actions (`on-click-action`, `on-select-action`, `on-unselect-action`, ...): known
 * names, where each may be used, and where `navigate` may lead.
 */

/** Meta's actions and the first Flow JSON version with each. */
const ACTIONS: Readonly<Record<string, { readonly since: string }>> = {
  navigate: { since: '2.1' },
  complete: { since: '2.1' },
  data_exchange: { since: '2.1' },
  update_data: { since: '6.0' },
  open_url: { since: '6.0' },
};

export function checkActions(
  document: FlowDocument,
  index: ScreenIndex,
  facts: readonly ScreenFacts[],
  checker: FlowJsonChecker,
): void {
  for (const { screen, actions } of facts) {
    for (const site of actions) checkAction(site, screen, document, index, checker);
  }
}

function checkAction(
  { action, path }: ActionSite,
  screen: ScreenInfo,
  document: FlowDocument,
  index: ScreenIndex,
  checker: FlowJsonChecker,
): void {
  if (!checker.require(action, 'name', path, 'An action')) return;
  if (!checker.expectPropertyType(action, 'name', 'string', path)) return;
  const name = action.name as string;
  const definition = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
  if (definition === undefined) {
    checker.report(
      'INVALID_PROPERTY_VALUE',
      [...path, 'name'],
      `Invalid value found for property 'name': '${name}' is not an action (${Object.keys(ACTIONS).join(', ')}).`,
    );
    return;
  }
  if (!checker.allows(definition.since)) {
    checker.report(
      'NOT_AVAILABLE_IN_VERSION',
      [...path, 'name'],
      `The ${name} action needs Flow JSON ${definition.since} or later.`,
    );
  }

  if (name === 'complete' && !screen.terminal) {
    checker.report(
      'COMPLETE_ON_NON_TERMINAL_SCREEN',
      path,
      `The complete action ends the flow, so it can only be used on a terminal screen; '${screen.id ?? '?'}' is not one.`,
    );
  } else if (name === 'data_exchange' && !document.hasEndpoint) {
    checker.report(
      'DATA_EXCHANGE_WITHOUT_ENDPOINT',
      path,
      'The data_exchange action calls the flow endpoint, which needs data_api_version in the Flow JSON.',
    );
  } else if (name === 'navigate') {
    checkNavigate(action, path, screen, document, index, checker);
  }
}

function checkNavigate(
  action: Record<string, unknown>,
  path: ActionSite['path'],
  screen: ScreenInfo,
  document: FlowDocument,
  index: ScreenIndex,
  checker: FlowJsonChecker,
): void {
  if (!checker.require(action, 'next', path, 'A navigate action')) return;
  if (!checker.expectPropertyType(action, 'next', 'object', path)) return;
  const next = action.next as Record<string, unknown>;
  const nextPath = [...path, 'next'];
  if (!checker.require(next, 'name', nextPath, "A navigate action's next")) return;
  if (!checker.expectPropertyType(next, 'name', 'string', nextPath)) return;
  const target = next.name as string;

  if (!index.byId.has(target)) {
    if (target === RESERVED_SCREEN_ID) {
      checker.report(
        'RESERVED_SCREEN_ID',
        [...nextPath, 'name'],
        `'${RESERVED_SCREEN_ID}' is not a screen: only an endpoint can end a flow with it.`,
      );
    } else {
      checker.report('NAVIGATE_TARGET_NOT_FOUND', [...nextPath, 'name'], `No screen has the id '${target}'.`);
    }
    return;
  }
  // With a routing model, it alone says where a screen may lead (an invalid one is reported there).
  const routingModel = document.routingModel;
  if (routingModel === undefined || screen.id === undefined) return;
  const routes = Object.hasOwn(routingModel, screen.id) ? routingModel[screen.id] : undefined;
  if (routes !== undefined && !Array.isArray(routes)) return;
  if (!routes?.includes(target)) {
    checker.report(
      'NAVIGATE_NOT_IN_ROUTING_MODEL',
      [...nextPath, 'name'],
      `The routing model has no route from '${screen.id}' to '${target}'.`,
    );
  }
}
