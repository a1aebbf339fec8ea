import { inspect } from 'node:util';

export interface SecretHit {
  place: string;
  secret: string;
}

/**
 * Collects everything a user or an operator can observe (error messages, stacks, cause chains,
 * `toJSON()`, `util.inspect`, hook payloads, warnings, command output) and searches it for
 * secrets.
 */
export class SecretAudit {
  private readonly texts: { place: string; text: string }[] = [];

  /** How many texts have been collected. */
  get size(): number {
    return this.texts.length;
  }

  /** The distinct kinds of place searched (`error.stack`, `hook onRetry`, `cli stderr`, ...). */
  get kinds(): string[] {
    return [...new Set(this.texts.map(({ place }) => place.split(' @ ')[0] ?? place))].sort();
  }

  text(place: string, text: string): void {
    this.texts.push({ place, text });
  }

  /** A value as a program would print or log it. */
  value(place: string, value: unknown): void {
    this.text(
      `${place} JSON`,
      safely(() => JSON.stringify(value) ?? 'undefined'),
    );
    this.text(`${place} inspect`, inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
  }

  /** An error and its cause chain, every way it can be shown. */
  error(where: string, error: unknown): void {
    let current: unknown = error;
    for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
      const prefix = depth === 0 ? 'error' : `error.cause${depth > 1 ? `^${depth}` : ''}`;
      if (current instanceof Error) {
        this.text(`${prefix}.message @ ${where}`, current.message);
        this.text(`${prefix}.stack @ ${where}`, current.stack ?? '');
        this.text(`${prefix} String() @ ${where}`, String(current));
      }
      this.text(
        `${prefix} toJSON @ ${where}`,
        safely(() => JSON.stringify(current) ?? 'undefined'),
      );
      this.text(
        `${prefix} util.inspect @ ${where}`,
        inspect(current, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      );
      current = (current as { cause?: unknown }).cause;
    }
  }

  /** Every (place, secret) where a secret of at least 8 characters shows up. */
  hits(secrets: readonly string[]): SecretHit[] {
    const distinct = [...new Set(secrets)];
    const short = distinct.filter((secret) => secret.length < 8);
    if (short.length > 0) throw new Error('secrets under 8 characters would match innocent text');
    return this.texts.flatMap(({ place, text }) =>
      distinct.filter((secret) => text.includes(secret)).map((secret) => ({ place, secret })),
    );
  }
}

function safely(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `(cannot be rendered: ${String(error)})`;
  }
}
