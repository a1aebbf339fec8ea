const REDACTED = '[REDACTED]';

/**
 * The spellings a secret takes on its way through HTTP: as it is, percent-encoded (a token in a
 * query string or a form body; `+` for spaces as forms write them), and base64 (Basic
 * credentials, tokens wrapped by a vendor). Each is what a vendor or a library may echo back.
 */
function spellings(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  const forms = [
    secret,
    encoded,
    encoded.toLowerCase(),
    encoded.replace(/%20/g, '+'),
    Buffer.from(secret, 'utf8').toString('base64'),
    Buffer.from(secret, 'utf8').toString('base64url'),
  ];
  // Base64 may lose its padding in transit; match the unpadded form, which the padded contains.
  return [...new Set(forms.map((form) => form.replace(/=+$/, '')))].filter((form) => form.length >= 4);
}

/**
 * Replaces every occurrence of each secret in a string, in any of the spellings HTTP gives it
 * (as it is, percent-encoded, base64). Adapters run vendor and transport text through this before
 * it reaches an error message, as a second line of defence: the first is never putting secrets
 * there.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    // Short values would redact innocent text and are not credentials anyway.
    if (!secret || secret.length < 4) continue;
    // Longest first, so that a spelling contained in another is not redacted piecemeal.
    for (const form of spellings(secret).sort((a, b) => b.length - a.length)) {
      if (result.includes(form)) result = result.split(form).join(REDACTED);
    }
  }
  return result;
}
