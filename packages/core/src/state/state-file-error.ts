import { InvalidRequestError } from '../errors/error-classes.js';

/** How many problems the message names; all of them are in `issues`. */
const ISSUES_IN_MESSAGE = 3;

/** One problem in a state file: where it is, and what is wrong. */
export interface StateFileIssue {
  /** Where in the file's data, e.g. `templates[3].components[0].text`; `''` for the whole file. */
  readonly path: string;
  readonly message: string;
  /** 1-based line and column of the value at `path`, when the reader could tell. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * A state file that is not a valid desired state: a value of the wrong type, an unknown key (a
 * misspelt field would otherwise be ignored in silence), a template or flow given twice. An
 * InvalidRequestError (`outcome: 'not-sent'`, `field`: the first problem's path) that carries
 * every problem in `issues`; its message names the file, line and path of the first ones, as
 * `whatsapp.yaml:12:7 templates[3].category: …`.
 */
export class StateFileError extends InvalidRequestError {
  readonly source: string;
  readonly issues: readonly StateFileIssue[];

  constructor(source: string, issues: readonly StateFileIssue[]) {
    const named = issues.slice(0, ISSUES_IN_MESSAGE).map((issue) => describeStateFileIssue(source, issue));
    const more = issues.length - named.length;
    super(
      `${source} is not a valid state file (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      { field: issues[0]?.path || 'state', outcome: 'not-sent' },
    );
    this.source = source;
    this.issues = issues;
  }

  /** Works across duplicate copies of the package, like every error class here. */
  static override isInstance(value: unknown): value is StateFileError {
    return (
      InvalidRequestError.isInstance(value) &&
      Array.isArray((value as { issues?: unknown }).issues) &&
      typeof (value as { source?: unknown }).source === 'string'
    );
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), source: this.source, issues: this.issues };
  }
}

/** `file:line:column path: message`, leaving out what is not known. */
export function describeStateFileIssue(source: string, issue: StateFileIssue): string {
  const place =
    issue.line === undefined
      ? source
      : `${source}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  return `${place} ${issue.path || '(file)'}: ${issue.message}`;
}
