import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { InputFileError } from './render-error.js';

/** The largest file a command reads: Meta's limit on a Flow JSON, ample for any template draft. */
export const MAX_INPUT_FILE_BYTES = 10 * 1024 * 1024;

/** A place in a file, 1-based. */
export interface FilePosition {
  readonly line: number;
  readonly column: number;
}

/** A JSON or YAML file a command was given, parsed, with the place of each value in it. */
export interface InputDocument {
  readonly path: string;
  /** The file's text, as read (UTF-8). */
  readonly text: string;
  readonly value: unknown;
  /** Where the value at `path` (e.g. `components[1].text`) starts; undefined when it is absent. */
  locate(path: string): FilePosition | undefined;
}

/**
 * Reads a JSON or YAML file (JSON is read as YAML 1.2, which it is, so both give positions).
 * Aliases are limited by the `yaml` library's default, so a small file cannot expand without end.
 *
 * @throws InputFileError naming the file (and line and column for a syntax error) when it cannot be
 *   read, is larger than MAX_INPUT_FILE_BYTES, or is neither JSON nor YAML.
 */
export async function readInputDocument(
  path: string,
  maxBytes: number = MAX_INPUT_FILE_BYTES,
): Promise<InputDocument> {
  const text = await readInputText(path, maxBytes);
  // YAML reads some broken JSON as valid YAML (`{"a": }` is `{a: null}`): a .json file is held
  // to JSON's own grammar first.
  if (extname(path).toLowerCase() === '.json') checkJsonSyntax(path, text);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: true });
  // A warning (an unknown tag, say) means the file may not read as its author meant: refused too.
  const [error] = [...document.errors, ...document.warnings];
  if (error !== undefined) {
    const place = lineCounter.linePos(error.pos[0]);
    throw new InputFileError(`${path}:${place.line}:${place.col}: ${error.message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (cause) {
    // The YAML library builds values recursively: thousands of levels exhaust the stack.
    const why = cause instanceof RangeError ? 'nested too deeply to read' : (cause as Error).message;
    throw new InputFileError(`${path}: ${why}`);
  }
  return {
    path,
    text,
    value,
    locate(valuePath) {
      const node = document.getIn(pathSegments(valuePath), true);
      if (!isNode(node) || node.range == null) return undefined;
      const place = lineCounter.linePos(node.range[0]);
      return { line: place.line, column: place.col };
    },
  };
}

/** @throws InputFileError with the line and column where `text` stops being JSON. */
function checkJsonSyntax(path: string, text: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, offset).split('\n');
    throw new InputFileError(`${path}:${before.length}:${before.at(-1)!.length + 1}: not JSON: ${message}`);
  }
}

/**
 * A file's text, as UTF-8.
 *
 * @throws InputFileError when it cannot be read or is larger than MAX_INPUT_FILE_BYTES.
 */
export async function readInputText(path: string, maxBytes: number = MAX_INPUT_FILE_BYTES): Promise<string> {
  const text = (await readInputBytes(path, maxBytes)).toString('utf8');
  // Editors on Windows start UTF-8 files with a byte order mark; it is no part of the document.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * A file's bytes.
 *
 * @throws InputFileError when it cannot be read or is larger than `maxBytes`.
 */
export async function readInputBytes(path: string, maxBytes: number): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(`${path} is not a file`);
    if (info.size > maxBytes) {
      throw new InputFileError(`${path} is ${info.size} bytes; the limit is ${maxBytes} bytes`);
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** `components[1].text` → `['components', 1, 'text']`. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return segments;
}
