const REDACTED = '[REDACTED]';

/**
 * Replaces every occurrence of each secret in a string. Adapters run vendor and transport text
 * through this before it reaches an error message, as a second line of defence: the first is
 * never putting secrets there.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    // Short values would redact innocent text and are not credentials anyway.
    if (secret && secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}
