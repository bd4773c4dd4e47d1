/**
 * One of every kind of request Slack sends the bot: each subcommand, each button, each form submission and the App
 * Home event, as signed-body text. The deadline tests send all of them through both doors (the Lambda handler and
 * the local server) with Slack and EC2 slow; `uncovered` fails those tests when a listener is added without a row.
 */
import { SUBCOMMANDS } from '../../src/commands/parse.js';
import { COMPARE_ACTIONS } from '../../src/slack/views/compare.js';
import { HOME_ACTIONS, homeBlockId } from '../../src/slack/views/home.js';
import { REJECT_MODAL_ID } from '../../src/slack/views/notices.js';
import { CREATE_MODAL_ID, LIST_ACTIONS, REQUEST_ACTIONS } from '../../src/slack/views/requests.js';
import { rejectFormSubmission } from './bot.js';
import { blockActionBody, eventCallbackBody, homeClickBody, slashCommandBody } from './slack.js';

export interface SlackRequest {
  name: string;
  body: string;
  contentType?: string;
}

/** What the requests act on: pending requests (each decided at most once), their cards, and the users. */
export interface Fixture {
  endpoint: string;
  /** Five pending requests by `requester`, with their recorded card and version. */
  requests: { id: string; version: number; channel: string; ts: string }[];
  requester: string;
  approver: string;
  /** Where response_urls point (the test's fake Slack). */
  responseUrl: (name: string) => string;
}

const CREATE_SPEC = 'kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d private-dns=off';

const payloadBody = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

export function everyRequest(f: Fixture): SlackRequest[] {
  const [approveMe, rejectMe, cancelMe, homeMe, homeRejectMe] = f.requests;
  if (!approveMe || !rejectMe || !cancelMe || !homeMe || !homeRejectMe) throw new Error('the fixture needs five pending requests');
  const command = (name: string, text: string, user = f.requester): SlackRequest => ({
    name: `/privatelink ${name}`,
    body: slashCommandBody(text, { user_id: user, trigger_id: `trigger-${name}`, response_url: f.responseUrl(name.replace(/\W+/g, '-')) }),
  });
  const onCard = (r: Fixture['requests'][number]) => ({
    container: { type: 'message', message_ts: r.ts, channel_id: r.channel, is_ephemeral: false },
    channel: { id: r.channel, name: 'approvals' },
    message: { type: 'message', ts: r.ts, text: '' },
  });
  const click = (name: string, actionId: string, value: string, user: string, extra: Record<string, unknown> = {}): SlackRequest => ({
    name: `button ${name}`,
    body: blockActionBody(actionId, value, user, { response_url: f.responseUrl(name.replace(/\W+/g, '-')), ...extra }),
  });
  const homeClick = (name: string, actionId: string, r: Fixture['requests'][number]): SlackRequest => ({
    name: `button ${name}`,
    body: homeClickBody(actionId, r.id, f.approver, homeBlockId(r)),
  });
  const createForm = {
    type: 'view_submission',
    team: { id: 'T0TEAM' },
    user: { id: f.requester, team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'unused',
    trigger_id: '1.2.3',
    view: {
      id: 'V0CREATEFORM',
      type: 'modal',
      callback_id: CREATE_MODAL_ID,
      private_metadata: '',
      state: {
        values: Object.fromEntries(
          Object.entries({
            service: 'kinesis-streams',
            vpc: 'vpc-0a1b2c3d',
            subnets: 'subnet-0a1b2c3d,subnet-4e5f6a7b',
            sg: 'sg-0a1b2c3d',
            'private-dns': 'off',
          }).map(([k, v]) => [
            k,
            { value: k === 'private-dns' ? { type: 'static_select', selected_option: { value: v } } : { type: 'plain_text_input', value: v } },
          ]),
        ),
      },
    },
  };
  const answers = 'target=aws-service service=s3 onprem=no';
  return [
    command('help', 'help'),
    command('compare', 'compare'),
    command('compare with answers', 'compare target=own-service overlap=yes'),
    command('services', 'services kinesis'),
    command('describe', `describe ${f.endpoint}`),
    command('dns', `dns ${f.endpoint}`),
    command('doctor', `doctor ${f.endpoint} from=subnet-0a1b2c3d`),
    command('create (the form)', 'create'),
    command('create (typed)', `create ${CREATE_SPEC}`),
    command('requests', 'requests'),
    command('status', `status ${approveMe.id}`),
    command('cancel', `cancel ${cancelMe.id}`),
    command('lang', 'lang'),
    command('lang ja', 'lang ja', 'U0ERIN'),
    click('compare answer', `${COMPARE_ACTIONS.answer}:cross-region:no`, `${answers} cross-region=no`, f.requester),
    click('compare back', COMPARE_ACTIONS.back, 'target=saas', f.requester),
    click('compare start over', COMPARE_ACTIONS.restart, '-', f.requester),
    click('compare changes', COMPARE_ACTIONS.changes, 'target=whole-vpc overlap=no', f.requester),
    click('compare share', COMPARE_ACTIONS.share, 'target=saas', f.requester),
    click('requests more', LIST_ACTIONS.more, 'all:20', f.requester),
    click('approve', REQUEST_ACTIONS.approve, approveMe.id, f.approver, onCard(approveMe)),
    click('reject (opens the form)', REQUEST_ACTIONS.reject, rejectMe.id, f.approver, onCard(rejectMe)),
    click('cancel', REQUEST_ACTIONS.cancel, cancelMe.id, f.requester, onCard(cancelMe)),
    click('unknown (an older version)', 'retired_button', 'x', f.requester),
    homeClick('home approve', HOME_ACTIONS.approve, homeMe),
    homeClick('home reject (opens the form)', HOME_ACTIONS.reject, homeMe),
    { name: 'form create', body: payloadBody(createForm) },
    {
      name: 'form reject',
      body: payloadBody(
        rejectFormSubmission(f.approver, JSON.stringify({ requestId: rejectMe.id, channel: rejectMe.channel, ts: rejectMe.ts }), 'Use the shared VPC.'),
      ),
    },
    {
      name: 'form reject (from the Home)',
      body: payloadBody(
        rejectFormSubmission(
          f.approver,
          JSON.stringify({ requestId: homeRejectMe.id, channel: homeRejectMe.channel, ts: homeRejectMe.ts, fromHome: true }),
          'Use the shared VPC.',
        ),
      ),
    },
    {
      name: 'event app_home_opened',
      contentType: 'application/json',
      body: eventCallbackBody({ type: 'app_home_opened', user: f.approver, channel: 'D0HOME', tab: 'home' }, 'Ev0EVERY'),
    },
  ];
}

/** Every subcommand, action id, form and event the bot answers that `requests` does not send. */
export function uncovered(requests: SlackRequest[]): string[] {
  const text = requests.map((r) => decodeURIComponent(r.body.replace(/\+/g, ' '))).join('\n');
  const wanted = [
    ...SUBCOMMANDS.map((s) => `text=${s}`),
    ...[...Object.values(COMPARE_ACTIONS), ...Object.values(REQUEST_ACTIONS), ...Object.values(HOME_ACTIONS), ...Object.values(LIST_ACTIONS)].map(
      (id) => `"action_id":"${id}`,
    ),
    `"callback_id":"${CREATE_MODAL_ID}"`,
    `"callback_id":"${REJECT_MODAL_ID}"`,
    '"type":"app_home_opened"',
  ];
  return wanted.filter((w) => !text.includes(w));
}
