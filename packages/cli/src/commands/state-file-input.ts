import {
  parseStateFile,
  type StateFile,
  StateFileError,
  type StateFileIssue,
  type StatePath,
} from '@whatsapp-bsp/core';
import { type InputDocument, readInputDocument } from '../input-file.js';
import { renderTable } from '../render-table.js';
import type { Style } from '../style.js';

/**
 * The largest state file read: an account's export holds every flow's Flow JSON (each up to
 * Meta's 10 MiB), so its files outgrow the limit of a single draft or Flow JSON.
 */
export const MAX_STATE_FILE_BYTES = 256 * 1024 * 1024;

/** A desired state read from its file, with the file kept to place plan items in it. */
export interface StateInput {
  readonly state: StateFile;
  readonly file: InputDocument;
}

/**
 * Reads a state file (YAML or JSON) and checks it with core's `parseStateFile`, every value placed
 * by the YAML reader, so that each problem names the file, the line and the path.
 *
 * @throws UsageError when the file cannot be read or parsed; StateFileError (every problem, each
 *   with its line) when it is not a valid state.
 */
export async function readStateInput(path: string): Promise<StateInput> {
  const file = await readInputDocument(path, MAX_STATE_FILE_BYTES);
  const state = parseStateFile(file.value, {
    source: path,
    locate: (segments: StatePath) => file.locate(pathText(segments)),
  });
  return { state, file };
}

/** The problems of a state file, one row each, at their line in the file. */
export function renderStateFileIssues(error: StateFileError, style: Style): string {
  const heading = `${style.red('Invalid state file:')} ${error.source} has ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}`;
  return `${heading}\n${renderTable(
    ['WHERE', 'PATH', 'PROBLEM'],
    error.issues.map((issue: StateFileIssue) => [
      issue.line === undefined ? error.source : `${error.source}:${issue.line}:${issue.column ?? 1}`,
      issue.path || '(file)',
      issue.message,
    ]),
  )}`;
}

export { StateFileError };

/** `['templates', 3, 'category']` → `templates[3].category`, as the input file locates paths. */
function pathText(segments: StatePath): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
