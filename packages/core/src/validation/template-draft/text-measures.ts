/*
 * How the template rules measure text: WhatsApp's limits count characters, so a letter outside
 * the Basic Multilingual Plane (an emoji, a rare CJK character) counts once, not as its two UTF-16
 * code units.
 */

const SURROGATE = /[\ud800-\udfff]/;

/** The number of Unicode code points of `text`. */
export function characterCount(text: string): number {
  // Most texts hold no surrogate pair, and then each UTF-16 unit is one character.
  if (!SURROGATE.test(text)) return text.length;
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}

/** Whether `text` is absent or only white space. */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/**
 * The words of `text`: runs of characters that are neither white space nor ASCII punctuation
 * (`order's` counts two, which is close enough for a heuristic). A loop rather than a Unicode
 * regular expression: it runs on every body of every validation.
 */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const separator =
      code <= 0x20 ||
      (code >= 0x21 && code <= 0x2f) ||
      (code >= 0x3a && code <= 0x40) ||
      (code >= 0x5b && code <= 0x60) ||
      (code >= 0x7b && code <= 0x7e) ||
      code === 0xa0 ||
      code === 0x3000;
    if (!separator && !inWord) words++;
    inWord = !separator;
  }
  return words;
}
