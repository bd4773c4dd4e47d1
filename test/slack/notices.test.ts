/**
 * The notifier's words: every direct message, thread line and the Reject form, in both languages, stay within
 * Slack's limits, and what a user typed (the request's and the rejection's reasons) reaches mrkdwn only quoted and
 * escaped.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n.js';
import { newRequest, transition, type EndpointRequest } from '../../src/requests/model.js';
import type { RequesterNotice, ThreadNote } from '../../src/requests/notify.js';
import {
  REJECT_REASON_MAX,
  approverMentions,
  calledCard,
  rejectModal,
  rejectModalOrigin,
  rejectReasonProblem,
  requesterNoticeView,
  threadNoteText,
} from '../../src/slack/views/notices.js';
import { requestMessage } from '../../src/slack/views/requests.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';

const HOSTILE = 'ok <!channel> <https://evil.example|click> *bold* `x`\n> fake bot line';
const T0 = new Date('2026-11-29T10:00:00Z');

function finished(): EndpointRequest {
  const base = newRequest({
    id: 'plr-0a1b2c3d4e',
    requester: 'U0ALICE',
    reason: HOSTILE,
    params: {
      region: 'ap-northeast-1',
      serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
      vpcId: 'vpc-0a1b2c3d',
      subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
      securityGroupIds: ['sg-0a1b2c3d'],
      privateDns: 'on',
      ports: [443],
    },
    preflight: [],
    now: T0,
    ttlHours: 24,
  });
  return {
    ...transition(base, 'rejected', 'U0CAROL', T0, { decidedBy: 'U0CAROL', decisionReason: HOSTILE }),
    message: { channel: 'C0APPROVALS', ts: '1700000000.000100' },
    endpointId: 'vpce-0123456789abcdef0',
    endpointState: 'failed',
    failure: { code: 'InvalidParameter', message: HOSTILE },
    dns: {
      regional: 'vpce-0123456789abcdef0-abcd.kinesis.ap-northeast-1.vpce.amazonaws.com',
      zonal: [{ name: 'vpce-0123456789abcdef0-abcd-ap-northeast-1a.kinesis.ap-northeast-1.vpce.amazonaws.com', availabilityZone: 'ap-northeast-1a' }],
      privateDnsName: 'kinesis.ap-northeast-1.amazonaws.com',
    },
  };
}

const NOTICES: RequesterNotice[] = [
  { kind: 'approved' },
  { kind: 'rejected' },
  { kind: 'available' },
  { kind: 'pending-acceptance', serviceOwner: '111122223333' },
  { kind: 'failed' },
  { kind: 'expired' },
];
const NOTES: ThreadNote[] = [
  { kind: 'approved', by: 'U0BOB' },
  { kind: 'rejected', by: 'U0CAROL' },
  { kind: 'cancelled', by: 'U0ALICE' },
  { kind: 'expired' },
  { kind: 'created', endpointId: 'vpce-0123456789abcdef0' },
  { kind: 'adopted', endpointId: 'vpce-0123456789abcdef0' },
  { kind: 'endpoint-state', endpointId: 'vpce-0123456789abcdef0', state: 'pending', elapsed: '0:42' },
  { kind: 'still-unknown', code: 'Timeout' },
  { kind: 'available', endpointId: 'vpce-0123456789abcdef0' },
  { kind: 'pending-acceptance', endpointId: 'vpce-0123456789abcdef0', serviceOwner: '111122223333' },
  { kind: 'accepted', endpointId: 'vpce-0123456789abcdef0' },
  { kind: 'failed' },
  { kind: 'reminder', which: 'half' },
  { kind: 'reminder', which: 'final' },
];

/** mrkdwn that a user's text could have turned into a ping, a link or a line of the bot's own. */
function expectNothingLive(text: string): void {
  expect(text).not.toContain('<!channel>');
  expect(text).not.toContain('<https://evil.example');
  expect(text).not.toMatch(/\n> fake bot line/);
}

describe.each(['en', 'ja'] as const)('notices (%s)', (locale) => {
  const msg = messagesFor(locale);

  it.each(NOTICES.map((n) => [n.kind, n] as const))('the %s DM is within the limits and shows user text only quoted', (_kind, notice) => {
    const view = requesterNoticeView(finished(), notice, msg);
    expectWithinBlockKitLimits(view);
    expectNothingLive(JSON.stringify(view.blocks).replace(/\\n/g, '\n'));
    expectNothingLive(view.text);
  });

  it('the rejected DM quotes the reason on one inert line', () => {
    const text = JSON.stringify(requesterNoticeView(finished(), { kind: 'rejected' }, msg).blocks);
    expect(text).toContain('>ok &lt;!channel&gt; &lt;https://evil.example|click&gt;');
  });

  it.each(NOTES.map((n) => [`${n.kind}${'which' in n ? `-${n.which}` : ''}`, n] as const))('the %s thread line', (_name, note) => {
    const text = threadNoteText(finished(), note, msg, approverMentions({ userIds: ['U0BOB'], usergroupId: 'S0NETOPS' }));
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(3000);
    expectNothingLive(text);
  });

  it('the first post calls the approvers above the card', () => {
    const card = calledCard(requestMessage({ ...finished(), state: 'pending' }, {}, msg), approverMentions({ userIds: ['U0BOB', 'U0CAROL'] }), msg);
    expectWithinBlockKitLimits(card);
    expect(card.blocks[0]).toMatchObject({ type: 'context', elements: [{ type: 'mrkdwn', text: msg.notify.callApprovers('<@U0BOB> <@U0CAROL>') }] });
    expect(card.text.startsWith(msg.notify.callApprovers('<@U0BOB> <@U0CAROL>'))).toBe(true);
  });

  it('the Reject form: plain_text where Slack requires it, within its limits, and its origin read back', () => {
    const origin = { requestId: 'plr-0a1b2c3d4e', channel: 'C0APPROVALS', ts: '1700000000.000100' };
    const view = rejectModal(origin, msg);
    expect(view.title.type).toBe('plain_text');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit!.text.length).toBeLessThanOrEqual(24);
    expect(view.close!.text.length).toBeLessThanOrEqual(24);
    expect(view.private_metadata!.length).toBeLessThanOrEqual(3000);
    expect(rejectModalOrigin(view.private_metadata)).toEqual(origin);
  });
});

describe('approverMentions and rejectModalOrigin', () => {
  it('mentions the user group when there is one, else each approver', () => {
    expect(approverMentions({ userIds: ['U0BOB'], usergroupId: 'S0NETOPS' })).toBe('<!subteam^S0NETOPS>');
    expect(approverMentions({ userIds: ['U0BOB', 'U0CAROL'] })).toBe('<@U0BOB> <@U0CAROL>');
  });

  it('refuses metadata it did not write', () => {
    for (const bad of [undefined, '', 'not json', '{"requestId":1}', '{"requestId":"plr-x","channel":"C1"}', '[]'])
      expect(rejectModalOrigin(bad)).toBeUndefined();
  });
});

describe('rejectReasonProblem', () => {
  const en = messagesFor('en');

  it("holds the form's limit on the server: required, and at most REJECT_REASON_MAX characters", () => {
    expect(rejectReasonProblem('', en)).toBe(en.notify.reasonRequired);
    expect(rejectReasonProblem('x'.repeat(REJECT_REASON_MAX), en)).toBeUndefined();
    expect(rejectReasonProblem('x'.repeat(REJECT_REASON_MAX + 1), en)).toBe(en.notify.reasonTooLong(REJECT_REASON_MAX + 1, REJECT_REASON_MAX));
  });

  it('counts characters, not UTF-16 units: 500 emoji are 500 characters', () => {
    expect(rejectReasonProblem('😀'.repeat(REJECT_REASON_MAX), en)).toBeUndefined();
    expect(rejectReasonProblem('😀'.repeat(REJECT_REASON_MAX + 1), en)).toBe(en.notify.reasonTooLong(REJECT_REASON_MAX + 1, REJECT_REASON_MAX));
  });

  it("answers in the approver's language, short enough for the form's error line", () => {
    const ja = messagesFor('ja');
    expect(rejectReasonProblem('x'.repeat(100_000), ja)).toBe(ja.notify.reasonTooLong(100_000, REJECT_REASON_MAX));
    expect(ja.notify.reasonTooLong(100_000, REJECT_REASON_MAX).length).toBeLessThanOrEqual(150);
    expect(en.notify.reasonTooLong(100_000, REJECT_REASON_MAX).length).toBeLessThanOrEqual(150);
  });
});
