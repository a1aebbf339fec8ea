import { BspError } from '@whatsapp-bsp/core';
import type { Style } from './style.js';

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, vendorOrNetwork: 1, usageOrConfig: 2 } as const;

/** A mistake in how the command was called. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * What a person sees when a command fails: the error class, vendor code and request id to
 * quote to support, and the message. Expected failures print no stack; secrets never reach
 * here because core's errors carry none.
 */
export function describeFailure(
  error: unknown,
  style: Style,
): { text: string; json: unknown; exitCode: number } {
  if (error instanceof UsageError) {
    return {
      text: `${style.red('Usage error:')} ${error.message}\nRun \`wabsp --help\` for the commands and options.`,
      json: { error: { name: 'UsageError', message: error.message } },
      exitCode: EXIT.usageOrConfig,
    };
  }
  if (BspError.isInstance(error)) {
    const details = [
      error.vendorCode !== undefined ? `vendor code ${error.vendorCode}` : undefined,
      error.httpStatusCode !== undefined ? `HTTP ${error.httpStatusCode}` : undefined,
      error.requestId !== undefined ? `request id ${error.requestId}` : undefined,
      error.attempts > 1 ? `after ${error.attempts} attempts` : undefined,
    ].filter(Boolean);
    const exitCode =
      error.code === 'CONFIG' || error.code === 'INVALID_REQUEST' || error.code === 'UNSUPPORTED'
        ? EXIT.usageOrConfig
        : EXIT.vendorOrNetwork;
    return {
      text: `${style.red(`${error.name}:`)} ${error.message}${details.length ? `\n  ${style.dim(details.join(' · '))}` : ''}`,
      json: { error: error.toJSON() },
      exitCode,
    };
  }
  // Anything else is a bug: show the stack so it can be reported.
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    text: `${style.red('Unexpected error:')} ${stack}`,
    json: { error: { name: error instanceof Error ? error.name : 'Error', message: String(error) } },
    exitCode: EXIT.vendorOrNetwork,
  };
}
