/**
 * The approval card at a glance (issue 15 item 2): state, endpoint and console link at the top, the buttons right
 * under them while pending, and title, tense and fields that follow the state, in English and in Japanese.
 */
import { describe, expect, it } from 'vitest';
import type { KnownBlock } from '@slack/types';
import { messagesFor } from '../../src/i18n.js';
import { newRequest, transition, type EndpointRequest, type RequestState } from '../../src/requests/model.js';
import { consoleUrl, createCommandLine, requestMessage, statusView } from '../../src/slack/views/requests.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';

const en = messagesFor('en');
const ja = messagesFor('ja');
const at = new Date('2026-11-29T10:00:00Z');
const later = new Date('2026-11-29T10:05:00Z');
const ENDPOINT = 'vpce-0123456789abcdef0';

function pending(): EndpointRequest {
  return newRequest({
    id: 'plr-0123456789',
    requester: 'U0ALICE',
    reason: 'orders stream',
    params: {
      region: 'ap-northeast-1',
      serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
      vpcId: 'vpc-0123456789abcdef0',
      subnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
      securityGroupIds: ['sg-0123456789abcdef0'],
      privateDns: 'on',
      ports: [443],
    },
    preflight: [],
    now: at,
    ttlHours: 24,
  });
}

/** The request in each state, through the transitions the workflow makes. */
function inState(state: RequestState): EndpointRequest {
  const p = pending();
  const approved = () => transition(p, 'approved', 'U0BOB', later);
  const creating = () => transition(approved(), 'creating', 'worker', later, { endpointId: ENDPOINT });
  switch (state) {
    case 'pending':
      return p;
    case 'approved':
      return approved();
    case 'creating':
      return creating();
    case 'available':
      return transition(creating(), 'available', 'worker', later, {
        endpointId: ENDPOINT,
        dns: { regional: `${ENDPOINT}.kinesis.ap-northeast-1.vpce.amazonaws.com`, zonal: [], privateDnsName: 'kinesis.ap-northeast-1.amazonaws.com' },
      });
    case 'pending-acceptance':
      return transition(creating(), 'pending-acceptance', 'worker', later, { endpointId: ENDPOINT });
    case 'failed':
      return transition(creating(), 'failed', 'worker', later, { failure: { code: 'InvalidParameter', message: 'bad' } });
    case 'rejected':
      return transition(p, 'rejected', 'U0BOB', later);
    case 'cancelled':
      return transition(p, 'cancelled', 'U0ALICE', later);
    case 'expired':
      return transition(p, 'expired', 'system', later);
  }
}

const STATES: RequestState[] = ['pending', 'approved', 'creating', 'available', 'pending-acceptance', 'failed', 'rejected', 'cancelled', 'expired'];
const text = (blocks: KnownBlock[]) => JSON.stringify(blocks);
const headerOf = (blocks: KnownBlock[]) => (blocks[0] as { text: { text: string } }).text.text;
const sectionText = (block: KnownBlock | undefined) => (block as { text?: { text: string } } | undefined)?.text?.text ?? '';

describe('the approval card, read from the top', () => {
  it('while pending: state, requester and expiry first, the buttons right under them, the call in the future tense', () => {
    const { blocks } = requestMessage(pending());
    expect(headerOf(blocks)).toBe('Endpoint request plr-0123456789: waiting for approval');
    expect(sectionText(blocks[1])).toContain('Waiting for an approver');
    expect(sectionText(blocks[1])).toContain('*Requested by*: <@U0ALICE>');
    expect(sectionText(blocks[1])).toContain('*Expires*: <!date^');
    expect(blocks[2]!.type).toBe('actions');
    expect(text(blocks)).toContain('*What will be called*');
    expect(text(blocks)).not.toContain('open in the AWS console');
  });

  it('once created: the endpoint id and its console link at the top; no expiry, no buttons, the call in the past tense', () => {
    const { blocks } = requestMessage(inState('available'));
    expect(headerOf(blocks)).toBe('Endpoint created (request plr-0123456789)');
    const top = sectionText(blocks[1]);
    expect(top).toContain(`*Endpoint*: \`${ENDPOINT}\``);
    expect(top).toContain(
      `<https://ap-northeast-1.console.aws.amazon.com/vpcconsole/home?region=ap-northeast-1#EndpointDetails:vpcEndpointId=${ENDPOINT}|open in the AWS console>`,
    );
    expect(top).toContain('Approved by <@U0BOB>');
    expect(text(blocks)).toContain('*What was called*');
    expect(text(blocks)).not.toMatch(/Expires|What will be called/);
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(sectionText(blocks[2])).toContain('*DNS names*');
  });

  it('builds the console link of the endpoint in its own region', () => {
    expect(consoleUrl('eu-west-1', 'vpce-0a1b2c3d')).toBe(
      'https://eu-west-1.console.aws.amazon.com/vpcconsole/home?region=eu-west-1#EndpointDetails:vpcEndpointId=vpce-0a1b2c3d',
    );
  });

  it('an expired card has no buttons, says it expired and gives the command to ask again', () => {
    const { blocks } = requestMessage(inState('expired'));
    expect(headerOf(blocks)).toBe('Endpoint request plr-0123456789: expired');
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(text(blocks)).toContain('Nobody decided before the request expired');
    expect(text(blocks)).toContain(
      '`/privatelink create com.amazonaws.ap-northeast-1.kinesis-streams vpc=vpc-0123456789abcdef0 subnets=subnet-0123456789abcdef0,subnet-0123456789abcdef1 sg=sg-0123456789abcdef0 region=ap-northeast-1`',
    );
    expect(text(blocks)).toContain('What was asked for (nothing was called)');
    expect(text(blocks)).not.toMatch(/Expires|will be called/);
  });

  it('gives back a command line the create grammar reads as the same request', () => {
    const r = pending();
    r.params = { ...r.params, privateDns: 'inbound-only', ipAddressType: 'dualstack', ports: [443, 8443], serviceRegion: 'us-east-1', securityGroupIds: [] };
    expect(createCommandLine(r)).toBe(
      '/privatelink create com.amazonaws.ap-northeast-1.kinesis-streams vpc=vpc-0123456789abcdef0 subnets=subnet-0123456789abcdef0,subnet-0123456789abcdef1 private-dns=inbound-only ip=dualstack ports=443,8443 region=ap-northeast-1 service-region=us-east-1',
    );
  });

  it('rejected, cancelled and failed cards have no buttons and never say the call will happen', () => {
    for (const state of ['rejected', 'cancelled', 'failed'] as const) {
      const { blocks } = requestMessage(inState(state));
      expect(
        blocks.some((b) => b.type === 'actions'),
        state,
      ).toBe(false);
      expect(text(blocks), state).not.toMatch(/Expires|What will be called/);
    }
    expect(text(requestMessage(inState('rejected')).blocks)).toContain('What was asked for (nothing was called)');
    expect(text(requestMessage(inState('failed')).blocks)).toContain('*What was called*');
  });

  it('a failed create names what EC2 named, folds the preflight as checks made before the create, and offers the command to send again', () => {
    const base = pending();
    base.preflight = [
      { check: 'ids', status: 'pass', code: 'idsOk', values: { region: 'ap-northeast-1' } },
      { check: 'subnets', status: 'pass', code: 'idsOk', values: { region: 'ap-northeast-1' } },
    ];
    const approved = transition(base, 'approved', 'U0BOB', later);
    const creating = transition(approved, 'creating', 'worker', later);
    const failure = { code: 'InvalidSubnetID.NotFound', message: "The subnet ID 'subnet-0123456789abcdef1' does not exist" };
    const failed = transition(creating, 'failed', 'worker', later, { failure });

    const card = requestMessage(failed).blocks;
    expect(text(card)).toContain('A subnet does not exist in `ap-northeast-1`. Check the ids and `region=`. EC2 named `subnet-0123456789abcdef1`.');
    expect(text(card)).not.toContain(':white_check_mark:');
    expect(text(card)).toContain('Preflight, before the create: 2 of 2 checks passed; they did not foresee this failure.');
    expect(text(card)).toContain(`Once the cause is fixed, send the same request again: \`${createCommandLine(failed)}\``);
    expectWithinBlockKitLimits(requestMessage(failed));

    const japanese = text(requestMessage(failed, {}, ja).blocks);
    expect(japanese).toContain('EC2 が示したリソース：`subnet-0123456789abcdef1`。');
    expect(japanese).toContain('事前チェック（作成前）：2 件中 2 件に合格しました。');
    expect(japanese).toContain('原因を解消したら、同じ申請をもう一度送信してください：');
  });

  it('only a pending card has buttons; every state fits Block Kit, and its status view too', () => {
    for (const state of STATES) {
      const card = requestMessage(inState(state));
      expect(
        card.blocks.some((b) => b.type === 'actions'),
        state,
      ).toBe(state === 'pending');
      expectWithinBlockKitLimits(card);
      expectWithinBlockKitLimits(statusView(inState(state)));
    }
  });

  it('in Japanese: the same layout, the title, console link, tense and separators in Japanese, and the bot as an actor', () => {
    const card = requestMessage(inState('available'), {}, ja).blocks;
    expect(headerOf(card)).toBe('エンドポイントを作成しました（申請 plr-0123456789）');
    expect(sectionText(card[1])).toContain('|AWS コンソールで開く>');
    expect(text(card)).toContain('*実行した API 呼び出し*');
    expect(text(card)).toContain('`subnet-0123456789abcdef0`、`subnet-0123456789abcdef1`');
    expect(text(requestMessage(pending(), {}, ja).blocks)).toContain('*実行する API 呼び出し*');
    expect(headerOf(requestMessage(pending(), {}, ja).blocks)).toBe('エンドポイントの申請 plr-0123456789：承認待ち');
    const expired = requestMessage(inState('expired'), {}, ja).blocks;
    expect(text(expired)).toContain('期限までに判断されなかったため');
    expect(expired.some((b) => b.type === 'actions')).toBe(false);
    const history = text(statusView(inState('expired'), ja).blocks);
    expect(history).toContain('ボット');
    expect(history).not.toContain('system');
    expect(text(statusView(inState('available'), en).blocks)).toContain('the worker');
  });
});
