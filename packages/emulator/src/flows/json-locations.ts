/**
 * Where things are in a JSON text: the offset of a syntax error, and the span of the value at a
 * path. Meta's Flow JSON validation errors carry lines and columns; `JSON.parse` gives neither
 * for a value and, on Node 20, not always for a syntax error, so this small scanner walks the text
 * itself. It is iterative, so a deeply nested document cannot overflow the stack.
 */

/** A value's place in the text: UTF-16 offsets, `end` exclusive. */
export interface JsonSpan {
  start: number;
  end: number;
}

/** Object keys and array indexes from the document's root. */
export type JsonPath = ReadonlyArray<string | number>;

/** A position for people: both 1-based, the column counted in UTF-16 code units. */
export interface LineAndColumn {
  line: number;
  column: number;
}

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class JsonCursor {
  position = 0;

  constructor(private readonly text: string) {}

  get atEnd(): boolean {
    return this.position >= this.text.length;
  }

  get next(): string | undefined {
    return this.text[this.position];
  }

  fail(message: string): never {
    throw new JsonScanError(this.position, message);
  }

  skipWhitespace(): void {
    while (this.position < this.text.length) {
      const char = this.text[this.position];
      if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') return;
      this.position++;
    }
  }

  expect(char: string): void {
    if (this.text[this.position] !== char) {
      this.fail(this.atEnd ? `Expected '${char}' before the end` : `Expected '${char}'`);
    }
    this.position++;
  }

  /** Reads a string at the cursor and returns its value. */
  readString(): string {
    const start = this.position;
    this.expect('"');
    for (;;) {
      if (this.atEnd) this.fail('Unterminated string');
      const char = this.text[this.position] as string;
      if (char === '"') break;
      if (char < ' ') this.fail('Control character in a string');
      if (char === '\\') {
        const escaped = this.text[this.position + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) {
            this.fail('Bad \\u escape');
          }
          this.position += 6;
          continue;
        }
        if (escaped === undefined || !ESCAPES.has(escaped)) this.fail('Bad escape');
        this.position += 2;
        continue;
      }
      this.position++;
    }
    this.position++;
    return JSON.parse(this.text.slice(start, this.position)) as string;
  }

  private readObjectKey(): string {
    this.skipWhitespace();
    if (this.next !== '"') this.fail('Expected a property name in double quotes');
    const key = this.readString();
    this.skipWhitespace();
    this.expect(':');
    return key;
  }

  /** Moves past one whole value, however deep. */
  skipValue(): void {
    const closers: string[] = [];
    for (;;) {
      this.skipWhitespace();
      const char = this.next;
      let opened = false;
      if (char === '{' || char === '[') {
        this.position++;
        this.skipWhitespace();
        const closer = char === '{' ? '}' : ']';
        if (this.next === closer) {
          this.position++;
        } else {
          if (char === '{') this.readObjectKey();
          closers.push(closer);
          opened = true;
        }
      } else if (char === '"') {
        this.readString();
      } else {
        this.skipScalar();
      }
      if (opened) continue;
      // A value ended: close the containers it ends, or go on to the next member.
      for (;;) {
        const closer = closers.at(-1);
        if (closer === undefined) return;
        this.skipWhitespace();
        if (this.next === ',') {
          this.position++;
          if (closer === '}') this.readObjectKey();
          break;
        }
        if (this.next === closer) {
          this.position++;
          closers.pop();
          continue;
        }
        this.fail(this.atEnd ? `Expected '${closer}' before the end` : `Expected ',' or '${closer}'`);
      }
    }
  }

  private skipScalar(): void {
    if (this.atEnd) this.fail('Expected a value before the end');
    for (const literal of LITERALS) {
      if (this.text.startsWith(literal, this.position)) {
        this.position += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = this.position;
    if (NUMBER.exec(this.text) === null) this.fail(`Unexpected character '${this.next}'`);
    this.position = NUMBER.lastIndex;
  }

  /** Moves into the member `key` of the object at the cursor; false when it has none. */
  enterMember(key: string): boolean {
    this.skipWhitespace();
    this.expect('{');
    this.skipWhitespace();
    if (this.next === '}') return false;
    for (;;) {
      if (this.readObjectKey() === key) {
        this.skipWhitespace();
        return true;
      }
      this.skipValue();
      this.skipWhitespace();
      if (this.next !== ',') return false;
      this.position++;
    }
  }

  /** Moves into element `index` of the array at the cursor; false when it is shorter. */
  enterElement(index: number): boolean {
    this.skipWhitespace();
    this.expect('[');
    this.skipWhitespace();
    if (this.next === ']') return false;
    for (let current = 0; current < index; current++) {
      this.skipValue();
      this.skipWhitespace();
      if (this.next !== ',') return false;
      this.position++;
    }
    this.skipWhitespace();
    return true;
  }
}

/**
 * Where the text stops being JSON: its offset and what was expected there, or undefined when the
 * text is one well-formed JSON value (whitespace around it allowed).
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const cursor = new JsonCursor(text);
  try {
    cursor.skipValue();
    cursor.skipWhitespace();
    if (!cursor.atEnd) cursor.fail('Unexpected text after the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof JsonScanError) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/**
 * The span of the value at `path` in a well-formed JSON text, or undefined when the path leads
 * nowhere. With a repeated key, the first one counts.
 */
export function locateJsonPath(text: string, path: JsonPath): JsonSpan | undefined {
  const cursor = new JsonCursor(text);
  try {
    for (const segment of path) {
      const found = typeof segment === 'number' ? cursor.enterElement(segment) : cursor.enterMember(segment);
      if (!found) return undefined;
    }
    cursor.skipWhitespace();
    const start = cursor.position;
    cursor.skipValue();
    return { start, end: cursor.position };
  } catch (error) {
    if (error instanceof JsonScanError) return undefined;
    throw error;
  }
}

/** The line and column of an offset, both counted from 1. */
export function lineAndColumn(text: string, offset: number): LineAndColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** `screens[0].layout.children[1].on-click-action.next.name`, as Meta's `pointers[].path` spells paths. */
export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
