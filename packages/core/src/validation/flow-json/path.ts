/** One step into a JSON value: a property name, or an array index. */
export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

/** A property name that reads unambiguously after a dot (Flow JSON's own keys all do). */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * A path in the style of Meta's `pointers[].path`: `screens[2].layout.children[0].on-click-action`.
 * Indexes go in brackets, property names after dots. A name that would read ambiguously (one with
 * a dot, a bracket, a space, or empty) goes in brackets as a JSON string: `cases["1.5"]`. The
 * document's root is the empty path `''`.
 */
export function formatPath(path: JsonPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
