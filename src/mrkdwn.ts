/**
 * The one escaping rule for Slack mrkdwn, and the only builders of the bot's own markup (mentions, channel
 * references, links, dates). Pure; the catalogs (src/messages*.ts) and the views both use it.
 *
 * Slack parses `&`, `<` and `>` as control characters in every mrkdwn text, code spans included, and asks that
 * they be replaced by `&amp;`, `&lt;` and `&gt;` when not used for their markup, and that nothing else be
 * entity-encoded: https://api.slack.com/reference/surfaces/formatting#escaping
 */

const ENTITY = /&(?:amp|lt|gt);/y;

/**
 * `&`, `<`, `>` as entities. Idempotent: an `&` that already starts `&amp;`, `&lt;` or `&gt;` is kept, so a value
 * a view escaped and a catalog function escapes again shows once, not as `&amp;lt;`. The output holds no `<` or
 * `>` at all, and no `&` outside those three entities.
 */
export function escapeMrkdwn(value: string | number | undefined): string {
  const text = String(value ?? '');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') {
      ENTITY.lastIndex = i;
      out += ENTITY.test(text) ? '&' : '&amp;';
    } else out += ch;
  }
  return out;
}

/** A literal (a command, an id, a usage line with `<placeholders>`) as a code span: shown exactly as written. */
export function code(text: string): string {
  return `\`${escapeMrkdwn(text)}\``;
}

const USER_ID = /^[UWB][A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CDG][A-Z0-9]{2,}$/;

/** `<@U…>` for a Slack user id; anything else (a worker name, `system`, a malformed id) as plain escaped text. */
export function mention(userId: string): string {
  return USER_ID.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

const USERGROUP_ID = /^S[A-Z0-9]{2,}$/;

/** `<!subteam^S…>` for a user group id (notifies its members); anything else as plain escaped text. */
export function usergroupMention(groupId: string): string {
  return USERGROUP_ID.test(groupId) ? `<!subteam^${groupId}>` : escapeMrkdwn(groupId);
}

/** `<#C…>` for a channel id; anything else as a code span. */
export function channelRef(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `<#${channelId}>` : code(channelId);
}

/** `<url|label>` with the label escaped; a URL that is not plain http(s) is not linked, only its label shown. */
export function link(url: string, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (!/^https?:\/\/[^\s<>|]+$/.test(url)) return safeLabel;
  return `<${url.replace(/&(?!amp;)/g, '&amp;')}|${safeLabel}>`;
}

/** A timestamp Slack shows in each reader's time zone, with the ISO time as the fallback. */
export function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  if (!Number.isFinite(seconds)) return escapeMrkdwn(iso);
  return `<!date^${seconds}^{date_short_pretty} {time}|${escapeMrkdwn(iso)}>`;
}

/** The bot's own markup: what the builders above emit. Everything else in `<…>` is not the bot's. */
const OWN_MARKUP = /^<(?:@[UWB][A-Z0-9]{2,}|!subteam\^S[A-Z0-9]{2,}|#[CDG][A-Z0-9]{2,}|!date\^\d+\^[^|<>]*\|[^<>]*|https?:\/\/[^\s<>|]+\|[^<>|]*)>$/;

/**
 * What in a mrkdwn text Slack would read as markup the bot did not mean: a `<…>` that is not one of the bot's own
 * (a mention, a channel, a date, a labelled link), a stray `<` or `>` (other than a quote marker starting a line), or
 * a raw `&`. Empty when the text is safe.
 */
export function unsafeMarkup(text: string): string[] {
  const problems: string[] = [];
  // A `>` that starts a line is mrkdwn's quote marker (the requester's words are quoted so).
  const rest = text.replace(/^>/gm, '').replace(/<[^<>]*>/g, (token) => {
    if (!OWN_MARKUP.test(token)) problems.push(token);
    return '';
  });
  for (const stray of rest.match(/[<>]|&(?!(?:amp|lt|gt);)/g) ?? []) problems.push(stray);
  return problems;
}
