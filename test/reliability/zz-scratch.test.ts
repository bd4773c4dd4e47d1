import { it } from 'vitest';
import { startBot } from '../helpers/bot.js';
import { captureResponseUrl, fakeSlack } from '../helpers/slack.js';
it('times', async () => {
  const bot = await startBot();
  fakeSlack();
  const big = '='.repeat(146 * 1024);
  const cases: Record<string, Record<string, unknown>> = {
    value: { type: 'block_actions', user: { id: 'U0ALICE' }, team: { id: 'T0TEAM' }, response_url: 'https://hooks.slack.com/commands/T0TEAM/1/response-url-secret', actions: [{ type: 'button', action_id: 'compare_answer:target:saas', block_id: 'b', value: big, action_ts: '1' }], container: { type: 'message' }, channel: { id: 'C0CHAN' } },
    actionid: { type: 'block_actions', user: { id: 'U0ALICE' }, team: { id: 'T0TEAM' }, response_url: 'https://hooks.slack.com/commands/T0TEAM/1/response-url-secret', actions: [{ type: 'button', action_id: `compare_answer:${big}`, block_id: 'b', value: 'x', action_ts: '1' }], container: { type: 'message' }, channel: { id: 'C0CHAN' } },
    approve: { type: 'block_actions', user: { id: 'U0ALICE' }, team: { id: 'T0TEAM' }, response_url: 'https://hooks.slack.com/commands/T0TEAM/1/response-url-secret', actions: [{ type: 'button', action_id: 'approve_request', block_id: 'b', value: big, action_ts: '1' }], container: { type: 'message' }, channel: { id: 'C0CHAN' } },
    view: { type: 'view_submission', user: { id: 'U0ALICE' }, team: { id: 'T0TEAM' }, view: { id: 'V1', callback_id: 'reject_reason', private_metadata: big, state: { values: { reason: { value: { value: big } } } } } },
    viewcreate: { type: 'view_submission', user: { id: 'U0ALICE' }, team: { id: 'T0TEAM' }, view: { id: 'V1', callback_id: 'create_request', private_metadata: big, state: { values: { service: { value: { value: big } } } } } },
  };
  for (const [name, p] of Object.entries(cases)) {
    captureResponseUrl();
    const t = performance.now();
    const r = await bot.interact(p);
    console.log(name, r.status, (performance.now() - t).toFixed(0));
  }
  for (const text of ['='.repeat(150000), 'a='.repeat(75000)]) {
    captureResponseUrl();
    const t = performance.now();
    const r = await bot.command(text);
    console.log('cmd', text.slice(0, 2), r.status, (performance.now() - t).toFixed(0), String(r.body.text).slice(0, 80));
  }
  await bot.close();
}, 600_000);
