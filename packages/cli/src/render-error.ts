import { BspError } from '@whatsapp-bsp/core';
import type { Style } from './style.js';

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, vendorOrNetwork: 1, usageOrConfig: 2 } as const;

/** A mistake in how the command was called. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/** A file the command was given that it cannot read as asked: a usage error, told without the help hint. */
export class InputFileError extends UsageError {
  override readonly name = 'InputFileError';
}

/** The command was told to stop (Ctrl-C, SIGTERM) before it had done everything. */
export class StoppedError extends Error {
  override readonly name = 'StoppedError';
}

/** What a person is told of a failure, before it is drawn. */
export interface FailureView {
  heading: string;
  message: string;
  /** Shown dimmed on one indented line: what support needs. */
  details: string[];
  /** A line of advice after the message. */
  hint?: string;
}

export interface Failure {
  view: FailureView;
  json: unknown;
  exitCode: number;
}

/**
 * What a person sees when a command fails: the error class, vendor code and request id to
 * quote to support, and the message. Expected failures print no stack; secrets never reach
 * here because core's errors carry none.
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof StoppedError) {
    return {
      view: { heading: 'Stopped:', message: error.message, details: [] },
      json: { error: { name: error.name, message: error.message } },
      exitCode: EXIT.vendorOrNetwork,
    };
  }
  if (error instanceof UsageError) {
    const inFile = error instanceof InputFileError;
    return {
      view: {
        heading: inFile ? 'Input error:' : 'Usage error:',
        message: error.message,
        details: [],
        ...(inFile ? {} : { hint: 'Run `wabsp --help` for the commands and options.' }),
      },
      json: { error: { name: error.name, message: error.message } },
      exitCode: EXIT.usageOrConfig,
    };
  }
  if (BspError.isInstance(error)) {
    const details = [
      error.vendorCode !== undefined ? `vendor code ${error.vendorCode}` : undefined,
      error.httpStatusCode !== undefined ? `HTTP ${error.httpStatusCode}` : undefined,
      error.requestId !== undefined ? `request id ${error.requestId}` : undefined,
      error.attempts > 1 ? `after ${error.attempts} attempts` : undefined,
    ].filter((detail) => detail !== undefined);
    // 2 is for what never left this machine: a bad input, an operation the vendor lacks, the
    // configuration. Once the vendor has answered (or may have acted), it is 1, whatever the class.
    const refusedHere =
      error.code === 'CONFIG' ||
      ((error.code === 'INVALID_REQUEST' || error.code === 'UNSUPPORTED') && error.outcome === 'not-sent');
    const exitCode = refusedHere ? EXIT.usageOrConfig : EXIT.vendorOrNetwork;
    return {
      view: { heading: `${error.name}:`, message: error.message, details },
      json: { error: error.toJSON() },
      exitCode,
    };
  }
  // Anything else is a bug: show the stack so it can be reported.
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    view: { heading: 'Unexpected error:', message: stack, details: [] },
    json: { error: { name: error instanceof Error ? error.name : 'Error', message: String(error) } },
    exitCode: EXIT.vendorOrNetwork,
  };
}

export function renderFailure(view: FailureView, style: Style): string {
  const lines = [`${style.red(view.heading)} ${view.message}`];
  if (view.details.length > 0) lines.push(`  ${style.dim(view.details.join(' · '))}`);
  if (view.hint !== undefined) lines.push(view.hint);
  return lines.join('\n');
}
