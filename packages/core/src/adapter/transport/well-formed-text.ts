// `String.prototype.isWellFormed` is ES2024: in every Node.js this package supports (20.19+), but
// not in the compiler's ES2023 library.
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean }).isWellFormed;

/** Whether text has no lone surrogate, so that it encodes to UTF-8 as it is. */
export function isWellFormedText(text: string): boolean {
  return isWellFormed.call(text);
}
