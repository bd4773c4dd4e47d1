/**
 * Slack request signatures (HMAC-SHA256 over `v0:{timestamp}:{body}`), checked in front of Bolt because Bolt
 * accepts timestamps from the future, and a request must be rejected before anything parses its body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SignatureProblem = 'missing-headers' | 'stale' | 'future' | 'mismatch';

export function signatureProblem(args: {
  signingSecret: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowSeconds: number;
}): SignatureProblem | undefined {
  const { signingSecret, body, signature, timestamp, nowSeconds } = args;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return 'missing-headers';
  const ts = Number(timestamp);
  if (ts < nowSeconds - MAX_CLOCK_SKEW_SECONDS) return 'stale';
  if (ts > nowSeconds + MAX_CLOCK_SKEW_SECONDS) return 'future';
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'mismatch';
}

export function signBody(signingSecret: string, body: string, timestamp: number): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

export interface SlackRequestShape {
  /** `command`, `ssl_check`, an interaction type (`block_actions`, `view_submission`, …) or an event type. */
  kind: string;
  user?: string;
}

/**
 * What a signed body is, if it has the shape Slack sends: a slash command, an ssl_check, an interaction payload
 * with a type and a user, or a JSON event. undefined for anything else, which is refused before Bolt sees it.
 */
export function slackRequestShape(body: string, contentType: string): SlackRequestShape | undefined {
  try {
    if (contentType === 'application/json') {
      const parsed = JSON.parse(body) as { type?: unknown } | null;
      return typeof parsed?.type === 'string' ? { kind: parsed.type } : undefined;
    }
    const form = new URLSearchParams(body);
    const payload = form.get('payload');
    if (payload === null) {
      if (form.has('ssl_check')) return { kind: 'ssl_check' };
      const user = form.get('user_id') ?? '';
      return form.get('command') && SLACK_USER.test(user) ? { kind: 'command', user } : undefined;
    }
    const parsed = JSON.parse(payload) as { type?: unknown; user?: { id?: unknown } } | null;
    const user = parsed?.user?.id;
    return typeof parsed?.type === 'string' && typeof user === 'string' && SLACK_USER.test(user) ? { kind: parsed.type, user } : undefined;
  } catch {
    return undefined;
  }
}
