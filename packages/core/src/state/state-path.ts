/** A path into a state file, as keys and list positions: `['templates', 3, 'category']`. */
export type StatePath = readonly (string | number)[];

/**
 * A path as the library writes it everywhere (`templates[3].components[0].text`), the same form
 * `validateTemplateDraft` uses for its issues.
 */
export function formatStatePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** `base` followed by a draft issue's own path (`components[1].text`, or `''` for the draft). */
export function joinStatePath(base: string, path: string): string {
  if (path === '') return base;
  return path.startsWith('[') ? `${base}${path}` : `${base}.${path}`;
}
