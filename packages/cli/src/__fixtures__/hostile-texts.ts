/*
 * Not a payload: text a vendor could return that would act on a terminal if printed as it is,
 * with what a person should see of it.
 */

/** Vendor text that would act on a terminal, and what a person should see of it. */
export const HOSTILE_TEXTS: ReadonlyArray<[string, string, string]> = [
  ['window title (OSC 0, BEL)', 'a\u001b]0;PWNED\u0007b', 'ab'],
  ['window title (OSC 2, ST)', 'a\u001b]2;PWNED\u001b\\b', 'ab'],
  ['clear screen and home (CSI)', 'a\u001b[2J\u001b[3J\u001b[Hb', 'ab'],
  ['hidden and coloured text (SGR)', 'a\u001b[8m\u001b[31;1mb\u001b[0m', 'ab'],
  ['cursor moves and line erase', 'a\u001b[10A\u001b[2K\u001b[?25lb', 'ab'],
  ['a hyperlink (OSC 8)', '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\', 'click'],
  ['C1 CSI and OSC', 'a\u009b2J\u009d0;PWNED\u009cb', 'ab'],
  ['a device control string (DCS)', 'a\u001bP+q544e\u001b\\b', 'ab'],
  ['full reset (ESC c) and a lone ESC', 'a\u001bcb\u001b', 'ab'],
  ['an unterminated title', 'a\u001b]0;title', 'a0;title'],
  [
    'bidi override and isolates',
    'invoice\u202Efdp.exe\u2066x\u2069\u202A\u202B\u202C\u202D',
    'invoicefdp.exex',
  ],
  ['bidi marks', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
  ['carriage return, backspace, bell, NUL, DEL', 'safe\rEVIL\b\b\u0007\u0000\u007f!', 'safeEVIL!'],
  ['vertical tab, form feed, NEL', 'a\u000bb\u000cc\u0085d', 'abcd'],
  ['tab and line breaks', 'a\tb\nc\u2028d\u2029e', 'a b\nc\nd\ne'],
  ['wide and combined characters, kept', '夏季 👨‍👩‍👧 🇯🇵 é ｆｕｌｌ', '夏季 👨‍👩‍👧 🇯🇵 é ｆｕｌｌ'],
];

/** Whether text holds anything a terminal acts on, line feeds apart. */
export function actsOnTerminal(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding terminal controls is the point
  return /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(
    text,
  );
}
