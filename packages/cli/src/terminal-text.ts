/*
 * Text from a vendor (names, bodies, error messages) is shown on a terminal, which acts on some
 * characters instead of showing them: escape sequences set the window title, clear the screen or
 * make links; C0/C1 controls move the cursor; bidi overrides make text read in another order than
 * it is stored. Human output is made of text passed through here; JSON output escapes the same
 * characters as \u sequences, so that the data is unchanged.
 */

// biome-ignore-start lint/suspicious/noControlCharactersInRegex: matching terminal controls is the point
/**
 * Escape sequences, each removed whole so that what it carries (a title, a link) is not shown:
 * CSI (`ESC [` or 0x9B, parameters, a final byte); OSC, DCS, SOS, PM and APC (`ESC ]`, `ESC P`,
 * `ESC X`, `ESC ^`, `ESC _` or their C1 forms) up to their terminator, BEL or ST (`ESC \` or 0x9C);
 * and two-byte escapes such as `ESC c` (reset). The body of a string sequence stops at the first
 * ESC, BEL or C1 control, none of which can start it, so the search stays linear however the text
 * is made.
 */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u0080-\u009f]*(?:\u0007|\u009c|\u001b\\)|\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;

/**
 * C0 controls but the line feed, DEL, C1 controls, and Unicode's bidi controls: the embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the marks (U+061C, U+200E, U+200F).
 */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Unicode's line and paragraph separators, which are line breaks as far as a person is concerned. */
const LINE_SEPARATOR = /[\u2028\u2029]/g;

/** What JSON.stringify leaves unescaped of the above. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore-end lint/suspicious/noControlCharactersInRegex: matching terminal controls is the point

/**
 * The text as a terminal can show it: escape sequences and controls removed, tabs as spaces, and
 * line breaks as line feeds (the one control kept).
 */
export function terminalSafe(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replaceAll('\t', ' ')
    .replace(LINE_SEPARATOR, '\n')
    .replace(CONTROL, '');
}

/**
 * A copy of a value with every string in it made terminal-safe, keys included; dates and other
 * non-plain objects are kept as they are.
 */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((item) => terminalSafeDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty, so that a key named `__proto__` stays a plain key.
      Object.defineProperty(copy, terminalSafe(key), {
        value: terminalSafeDeep(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy as T;
  }
  return value;
}

/** JSON text in which no character can act on a terminal; it parses to the same value. */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
