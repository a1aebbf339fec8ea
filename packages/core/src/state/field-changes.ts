import { isRecord } from '../adapter/is-record.js';
import { deepEqual } from './deep-equal.js';

/**
 * One difference between the desired and the current draft of an item: where (`path`, e.g.
 * `components[BODY].text`, `categories`, `flowJson.screens[0].title`), and the two values
 * (`undefined` where one side does not have it).
 */
export interface FieldChange {
  readonly path: string;
  readonly desired?: unknown;
  readonly current?: unknown;
}

/**
 * The differences between two normalized drafts, as deep as both sides have the same shape: a
 * changed text is one change at its path, not a change of the whole component. Components are
 * matched by their type (`components[BODY]`), since a draft has at most one of each; other lists
 * by position, or as a whole when their lengths differ.
 */
export function fieldChanges(desired: unknown, current: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  collect(desired, current, '', changes);
  return changes;
}

function collect(desired: unknown, current: unknown, path: string, changes: FieldChange[]): void {
  if (deepEqual(desired, current)) return;
  if (Array.isArray(desired) && Array.isArray(current)) {
    if (path === 'components' || path.endsWith('.components')) {
      const desiredByType = byComponentType(desired);
      const currentByType = byComponentType(current);
      if (desiredByType !== undefined && currentByType !== undefined) {
        for (const type of new Set([...desiredByType.keys(), ...currentByType.keys()])) {
          collect(desiredByType.get(type), currentByType.get(type), `${path}[${type}]`, changes);
        }
        return;
      }
    }
    if (desired.length === current.length) {
      desired.forEach((item, index) => {
        collect(item, current[index], `${path}[${index}]`, changes);
      });
      return;
    }
  } else if (isRecord(desired) && isRecord(current)) {
    for (const key of new Set([...Object.keys(desired), ...Object.keys(current)])) {
      collect(desired[key], current[key], path === '' ? key : `${path}.${key}`, changes);
    }
    return;
  }
  changes.push({
    path,
    ...(desired !== undefined && { desired }),
    ...(current !== undefined && { current }),
  });
}

/** Components by type (`UNKNOWN:<rawType>` for unknown ones); undefined when a type repeats. */
function byComponentType(components: readonly unknown[]): Map<string, unknown> | undefined {
  const found = new Map<string, unknown>();
  for (const component of components) {
    if (!isRecord(component) || typeof component.type !== 'string') return undefined;
    const type = component.type === 'UNKNOWN' ? `UNKNOWN:${String(component.rawType)}` : component.type;
    if (found.has(type)) return undefined;
    found.set(type, component);
  }
  return found;
}
