/**
 * Every request shows its price before anyone approves: the approval card, `status`, the App Home rows (waiting and
 * own), the requester's note and the approval DM carry the monthly estimate (AZ count × the region's rate, plus data
 * processing), in English and in Japanese, within Block Kit's limits.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n.js';
import { newRequest, transition, type EndpointRequest } from '../../src/requests/model.js';
import { homeView } from '../../src/slack/views/home.js';
import { requesterNoticeView } from '../../src/slack/views/notices.js';
import { requestMessage, requesterNoteView, statusView } from '../../src/slack/views/requests.js';
import { blocksToText } from '../../src/slack/views/text.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';

const T0 = new Date('2026-11-29T10:00:00Z');
const en = messagesFor('en');
const ja = messagesFor('ja');

function request(region: string, subnets: number): EndpointRequest {
  return newRequest({
    id: 'plr-0a1b2c3d4e',
    requester: 'U0ALICE',
    reason: 'orders stream',
    params: {
      region,
      serviceName: `com.amazonaws.${region}.kinesis-streams`,
      vpcId: 'vpc-0a1b2c3d',
      subnetIds: Array.from({ length: subnets }, (_, i) => `subnet-0a1b2c3${i}`),
      securityGroupIds: [],
      privateDns: 'on',
      ports: [443],
    },
    preflight: [],
    now: T0,
    ttlHours: 24,
  });
}

const TOKYO_3_AZS_EN = 'Estimated cost*: 3 AZs × 730 h × $0.014 = $30.66 / month, plus data processing ($0.01† per GB)';
const TOKYO_3_AZS_JA = '見積もり料金*：3 AZ × 730 時間 × $0.014 = $30.66／月、ほかにデータ処理料金（GB あたり $0.01†）';

describe('the estimate on a request', () => {
  it('is on the approval card while it waits, and on status, in English and Japanese', () => {
    const pending = request('ap-northeast-1', 3);
    for (const [msg, line] of [
      [en, TOKYO_3_AZS_EN],
      [ja, TOKYO_3_AZS_JA],
    ] as const) {
      const card = requestMessage(pending, {}, msg);
      expectWithinBlockKitLimits(card);
      const top = JSON.stringify(card.blocks[1]);
      expect(top).toContain(line);
      expect(JSON.stringify(statusView(pending, msg).blocks)).toContain(line);
    }
  });

  it('says which rate stands in for the region', () => {
    const text = blocksToText(requestMessage(request('ap-northeast-1', 3), {}, en).blocks);
    expect(text).toContain('† No figure found for this region: the rate of us-east-1 stands in.');
    expect(blocksToText(requestMessage(request('us-east-1', 2), {}, en).blocks)).toContain(
      'Estimated cost: 2 AZs × 730 h × $0.01 = $14.60 / month, plus data processing ($0.01 per GB)',
    );
  });

  it("follows the request's AZ count and region", () => {
    const text = blocksToText(requestMessage(request('sa-east-1', 1), {}, en).blocks);
    expect(text).toContain('1 AZ × 730 h × $0.021 = $15.33 / month');
  });

  it('names what is missing where the table has no hourly rate', () => {
    const text = blocksToText(requestMessage(request('cn-north-1', 2), {}, en).blocks);
    expect(text).toContain('Estimated cost: Not included (no price in the table): interface endpoint hours, interface endpoint data (first 1 PB).');
  });

  it("is on the App Home's waiting and own rows", () => {
    const pending = request('ap-northeast-1', 3);
    for (const [msg, line] of [
      [en, TOKYO_3_AZS_EN],
      [ja, TOKYO_3_AZS_JA],
    ] as const) {
      const home = homeView({ own: [pending], waiting: [pending], now: T0 }, msg);
      const rows = home.blocks.filter((b) => JSON.stringify(b).includes('plr-0a1b2c3d4e') && b.type === 'section');
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(JSON.stringify(row)).toContain(line);
    }
  });

  it("is in the requester's note after sending and in the approval DM", () => {
    const pending = request('ap-northeast-1', 3);
    const approved = transition(pending, 'approved', 'U0BOB', T0);
    for (const [msg, line] of [
      [en, TOKYO_3_AZS_EN],
      [ja, TOKYO_3_AZS_JA],
    ] as const) {
      const note = requesterNoteView(pending, 'C0APPROVALS', '1700000000.000100', msg);
      expectWithinBlockKitLimits(note);
      expect(JSON.stringify(note.blocks)).toContain(line);
      const dm = requesterNoticeView(approved, { kind: 'approved' }, msg);
      expectWithinBlockKitLimits(dm);
      expect(JSON.stringify(dm.blocks)).toContain(line);
    }
  });
});
