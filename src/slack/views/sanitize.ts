/**
 * Outside text (what a user typed, what EC2 answered) made safe to show. Pure; used by the Block Kit builders
 * (Slack) and by the terminal renderer (CLI), so both surfaces drop the same characters.
 */

/**
 * Terminal escape sequences (ESC or the C1 CSI/OSC/DCS introducers, then their parameters), C0 controls except
 * newline and tab, DEL, the C1 range U+0080–U+009F, and the bidirectional overrides that reorder what a reader
 * sees (U+202A–U+202E, U+2066–U+2069). ECMA-48 defines the sequences; a lone ESC is dropped with the rest.
 */
const ESCAPE_SEQUENCES =
  // OSC / DCS / SOS / PM / APC strings (ESC ] … BEL or ST, or their C1 forms), CSI (ESC [ or U+009B … final byte), ESC + one byte.
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|\u001b[\u0020-\u007e]?/g;
/** DEL, the C1 range, and the bidirectional embeddings, overrides and isolates: shown by no surface as they are. */
const UNSAFE_BEYOND_C0 = '\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
/** What text output drops: those and the C0 controls except newline and tab. */
const CONTROLS = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${UNSAFE_BEYOND_C0}]`, 'g');
/**
 * What machine output escapes beyond the C0 controls, which JSON.stringify escapes itself (and whose newline the
 * indentation uses outside strings): the same characters, and the line and paragraph separators U+2028/U+2029,
 * which JSON allows raw but many viewers take for line breaks.
 */
const JSON_UNSAFE = new RegExp(`[${UNSAFE_BEYOND_C0}\\u2028\\u2029]`, 'g');

export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/**
 * `value` as indented JSON (the CLI's `--json`) in which every character the text output drops is written as a
 * `\uXXXX` escape instead: a script reads the same value, a terminal or a log viewer shows no raw control or bidi
 * character. Outside strings JSON holds only ASCII punctuation and white space, so the escapes land inside strings.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Slack mrkdwn has no escape for its formatting characters (only `&`, `<`, `>` have entities:
 * https://api.slack.com/reference/surfaces/formatting#escaping), so they are replaced by look-alikes that
 * Slack does not parse, the approach of jsx-slack's <Escape> (docs/about-escape-and-exact-mode.md there).
 */
const MARKER_LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  '＊': '\u2217',
  _: '\u02cd', // ˍ modifier letter low macron
  '＿': '\u02cd',
  '~': '\u223c', // ∼ tilde operator
  '～': '\u223c',
  '`': '\u02cb', // ˋ modifier letter grave accent
  '｀': '\u02cb',
  '＞': '\u203a', // › single right-pointing angle quotation mark
};

/**
 * Text a user typed, as one inert line of mrkdwn: controls stripped, line breaks collapsed to spaces, `&<>`
 * escaped (no mentions, no links), formatting markers and emoji shortcodes neutralized, no leading list or quote
 * marker. The caller places it in its own quote, so it cannot pass for the bot's own lines.
 */
export function inertLine(text: string): string {
  const oneLine = stripControls(text).replace(/\s+/g, ' ').trim();
  return oneLine
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*＊_＿~～`｀＞]/g, (m) => MARKER_LOOKALIKES[m]!)
    .replace(/:(?=[a-z0-9+\-ˍ']+:)/gi, '\u02d0') // ː: `:white_check_mark:` is not an emoji any more
    .replace(/^(?:&gt;|[-•+#]|\d+[.)])/, '\u00ad$&'); // a soft hyphen first: not a quote or list marker at the line's start
}

/** The requester's words as a quote of their own: one line that starts with the quote marker. */
export function quotedUserText(text: string): string {
  return `>${inertLine(text)}`;
}
