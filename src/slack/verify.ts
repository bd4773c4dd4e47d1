/**
 * The one request check of both HTTP doors (the Lambda function and `npm start` in HTTP mode): Slack's signature
 * (HMAC-SHA256 over `v0:{timestamp}:{body}`, https://api.slack.com/authentication/verifying-requests-from-slack),
 * a timestamp within 5 minutes either way, an exact content type that matches the body, and a body shaped as
 * Slack sends it. Checked in front of Bolt because Bolt accepts timestamps from the future, any digits as a
 * timestamp, and bodies it then fails on; a request must be rejected before anything parses its body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { MAX_BODY_BYTES } from './http-door.js';

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** The largest body either door reads (the local door stops reading past it; the Lambda door checks it here). */

export type SignatureProblem = 'missing-headers' | 'stale' | 'future' | 'mismatch';

export function signatureProblem(args: {
  signingSecret: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowSeconds: number;
}): SignatureProblem | undefined {
  const { signingSecret, body, signature, timestamp, nowSeconds } = args;
  // Slack sends Unix seconds as plain decimal digits; "0"+ts or "+ts" would sign a different string for the same time.
  if (!signature || !timestamp || !/^[1-9]\d{0,11}$/.test(timestamp)) return 'missing-headers';
  const ts = Number(timestamp);
  if (ts < nowSeconds - MAX_CLOCK_SKEW_SECONDS) return 'stale';
  if (ts > nowSeconds + MAX_CLOCK_SKEW_SECONDS) return 'future';
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'mismatch';
}

export function signBody(signingSecret: string, body: string, timestamp: number | string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

export interface SlackRequestShape {
  /** `command`, `ssl_check`, an interaction type (`block_actions`, `view_submission`, …) or an event type. */
  kind: string;
  user?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an interaction type needs before Bolt may route it: Bolt reads these fields without checking them. */
function interactionComplete(payload: Record<string, unknown>): boolean {
  switch (payload.type) {
    case 'block_actions':
      return Array.isArray(payload.actions) && payload.actions.length > 0 && payload.actions.every((a) => isObject(a) && typeof a.action_id === 'string');
    case 'view_submission':
    case 'view_closed':
      return isObject(payload.view) && typeof payload.view.id === 'string';
    default:
      return true;
  }
}

/**
 * What a signed body is, if it has the shape Slack sends: a slash command, an ssl_check, an interaction payload
 * with a type, a user and what its type needs, or a JSON event. undefined for anything else, which is refused
 * before Bolt sees it.
 */
export function slackRequestShape(body: string, contentType: string): SlackRequestShape | undefined {
  try {
    if (contentType === 'application/json') {
      const parsed = JSON.parse(body) as unknown;
      if (!isObject(parsed) || typeof parsed.type !== 'string') return undefined;
      if (parsed.type === 'url_verification' && typeof parsed.challenge !== 'string') return undefined;
      return { kind: parsed.type };
    }
    const form = new URLSearchParams(body);
    const payload = form.get('payload');
    if (payload === null) {
      if (form.has('ssl_check')) return { kind: 'ssl_check' };
      const user = form.get('user_id') ?? '';
      return form.get('command') && SLACK_USER.test(user) ? { kind: 'command', user } : undefined;
    }
    const parsed = JSON.parse(payload) as unknown;
    if (!isObject(parsed) || typeof parsed.type !== 'string' || !isObject(parsed.user)) return undefined;
    const user = parsed.user.id;
    return typeof user === 'string' && SLACK_USER.test(user) && interactionComplete(parsed) ? { kind: parsed.type, user } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first field a form body names twice, if any. Slack never repeats a field; Bolt reads the body with
 * node:querystring, which turns a repeated field into an array (a requester that is a list of users), while the
 * checks here read the first value: a body whose fields mean two things to two readers is refused.
 */
export function repeatedFormField(body: string): string | undefined {
  const seen = new Set<string>();
  for (const key of new URLSearchParams(body).keys()) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return undefined;
}

export const ACCEPTED_CONTENT_TYPES: ReadonlySet<string> = new Set(['application/x-www-form-urlencoded', 'application/json']);

/** A header by its name in any case (API Gateway v1 keeps Slack's capitals; v2, Function URLs and Node lowercase them). */
export function headerValue(headers: Record<string, string | string[] | undefined> | null | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

export type RequestCheck = { ok: true; contentType: string; shape: SlackRequestShape } | { ok: false; status: 400 | 401 | 413 | 415; reason: string };

/**
 * The checks every HTTP request passes before Bolt sees it, whichever door it came through: 413 for a body over
 * MAX_BODY_BYTES (before anything else reads it), 401 for a bad or missing signature or timestamp, 400 for an empty
 * body, 415 for a content type other than Slack's two, 400 for a form that names a field twice, 400 for a body that
 * is not what Slack sends with that content type (a form sent as JSON, an interaction without a user).
 */
export function checkSlackRequest(args: {
  signingSecret: string;
  headers: Record<string, string | string[] | undefined> | null | undefined;
  body: string;
  nowSeconds: number;
}): RequestCheck {
  const { signingSecret, headers, body, nowSeconds } = args;
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) return { ok: false, status: 413, reason: 'body too large' };
  const problem = signatureProblem({
    signingSecret,
    body,
    signature: headerValue(headers, 'x-slack-signature'),
    timestamp: headerValue(headers, 'x-slack-request-timestamp'),
    nowSeconds,
  });
  if (problem) return { ok: false, status: 401, reason: `signature ${problem}` };
  if (body.length === 0) return { ok: false, status: 400, reason: 'empty body' };
  const contentType = headerValue(headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!contentType || !ACCEPTED_CONTENT_TYPES.has(contentType))
    return { ok: false, status: 415, reason: `content type ${contentType ? "not Slack's" : 'missing'}` };
  const repeated = contentType === 'application/x-www-form-urlencoded' ? repeatedFormField(body) : undefined;
  if (repeated !== undefined) return { ok: false, status: 400, reason: `form field ${JSON.stringify(repeated.slice(0, 40))} given twice` };
  const shape = slackRequestShape(body, contentType);
  if (!shape) return { ok: false, status: 400, reason: 'body is not what Slack sends' };
  return { ok: true, contentType, shape };
}
