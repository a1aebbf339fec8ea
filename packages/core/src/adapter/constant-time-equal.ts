import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether two secrets or signatures are equal, in a time that depends on neither: a plain `===`
 * stops at the first differing character, which lets a caller guess a secret one character at a
 * time. Both sides are hashed first, so their lengths leak nothing either.
 */
export function constantTimeEqual(actual: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(actual), digest(expected));
}
