import { createRequire } from 'node:module';
import type * as JsoncParser from 'jsonc-parser';
import { formatPath, type JsonPath } from './path.js';

/*
 * Positions in the Flow JSON text, for errors found in a document given as a string. Microsoft's
 * jsonc-parser (the parser behind VS Code's JSON support) walks the text and tells where each
 * value starts and ends, without building a tree; the validation itself runs on `JSON.parse`'s
 * result, so the text is walked this way only when there are errors to place.
 *
 * It is loaded on first use, with `require`: it is a CommonJS package, and loading it costs some
 * 10 ms, which every `import '@whatsapp-bsp/core'` would otherwise pay whether it validates or not.
 */

let parser: typeof JsoncParser | undefined;

function jsonc(): typeof JsoncParser {
  parser ??= createRequire(import.meta.url)('jsonc-parser') as typeof JsoncParser;
  return parser;
}

/** Where a value sits in the text: lines and columns count from 1, and the end is its last character. */
export interface TextSpan {
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly columnStart: number;
  readonly columnEnd: number;
}

/**
 * The span of each path's value in `text`, which must be valid JSON. A path that does not exist
 * in the text (a missing property) gets the span of its nearest ancestor that does.
 */
export function locatePaths(text: string, paths: readonly JsonPath[]): TextSpan[] {
  const wanted = new Set<string>();
  for (const path of paths)
    for (let length = 0; length <= path.length; length++) wanted.add(formatPath(path.slice(0, length)));

  const offsets = new Map<string, { start: number; end: number }>();
  const open: ({ key: string; start: number } | undefined)[] = [];
  const begin = (offset: number, pathSupplier: () => JsoncParser.JSONPath) => {
    const key = formatPath(pathSupplier());
    open.push(wanted.has(key) ? { key, start: offset } : undefined);
  };
  const end = (offset: number, length: number) => {
    const started = open.pop();
    if (started !== undefined) offsets.set(started.key, { start: started.start, end: offset + length });
  };
  jsonc().visit(text, {
    onObjectBegin: (offset, _length, _line, _column, pathSupplier) => begin(offset, pathSupplier),
    onObjectEnd: end,
    onArrayBegin: (offset, _length, _line, _column, pathSupplier) => begin(offset, pathSupplier),
    onArrayEnd: end,
    onLiteralValue: (_value, offset, length, _line, _column, pathSupplier) => {
      const key = formatPath(pathSupplier());
      if (wanted.has(key)) offsets.set(key, { start: offset, end: offset + length });
    },
  });

  const lines = new LineIndex(text);
  return paths.map((path) => {
    for (let length = path.length; length >= 0; length--) {
      const found = offsets.get(formatPath(path.slice(0, length)));
      if (found !== undefined) return lines.span(found.start, found.end);
    }
    return lines.span(0, text.length);
  });
}

/**
 * Where `text` stops being JSON, for the one error an unparsable document gets. Undefined when
 * jsonc-parser finds nothing (it accepts a few things `JSON.parse` does not) or gives up.
 */
export function locateSyntaxError(text: string): TextSpan | undefined {
  const errors: JsoncParser.ParseError[] = [];
  try {
    jsonc().parse(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
  } catch {
    // Its parser recurses; text nested deep enough to exhaust the stack gets no position.
    return undefined;
  }
  const first = errors[0];
  if (first === undefined) return undefined;
  return new LineIndex(text).span(first.offset, first.offset + Math.max(first.length, 1));
}

/** Turns offsets into lines and columns (in UTF-16 code units, as JavaScript strings count). */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1)) {
      this.starts.push(offset + 1);
    }
  }

  /** The span from `start` up to, not including, `end`. */
  span(start: number, end: number): TextSpan {
    const last = Math.max(start, Math.min(end, this.text.length) - 1);
    const [lineStart, columnStart] = this.position(start);
    const [lineEnd, columnEnd] = this.position(last);
    return { lineStart, lineEnd, columnStart, columnEnd };
  }

  private position(offset: number): [line: number, column: number] {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return [low + 1, offset - this.starts[low]! + 1];
  }
}
