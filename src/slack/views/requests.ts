/**
 * Views of endpoint requests. The approval message is a pure function of the stored request, so every update
 * (decision, progress, result) re-renders it from the record and a late or repeated update is still right.
 */
import type { Button, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import type { PreflightCheck } from '../../aws/endpoint.js';
import type { ApprovalProblem } from '../../requests/approval.js';
import { CREATE_DEADLINE_MINUTES, OPEN_STATES, isExpired, type EndpointRequest } from '../../requests/model.js';
import { smokeTestCommands } from '../../endpoints/smoke-tests.js';
import { createEndpointCall } from '../../endpoints/create-call.js';
import { isPreflightCode } from '../../endpoints/preflight.js';
import { resourceIdsIn } from '../../commands/create-spec.js';
import { messagesFor, type Messages } from '../../i18n.js';
import type { DecidedState } from '../../messages.js';
import { LIMITS, actions, button, confirmDialog, context, escapeText, fields, header, message, section, type SlackMessage } from './blocks.js';
import { quotedUserText } from './sanitize.js';
import { link, mention, slackDate } from '../../mrkdwn.js';
import { requestEstimate } from './money.js';

export const REQUEST_ACTIONS = {
  approve: 'approve_request',
  reject: 'reject_request',
  cancel: 'cancel_request',
} as const;

export const CREATE_MODAL_ID = 'create_request';

/** English when no catalog is given (the CLI's and the tests' default). */
const english = messagesFor('en');
const c = (s: string) => `\`${escapeText(s)}\``;

/** A timestamp Slack shows in each reader's time zone, with the ISO time as the fallback. */
export function slackTime(iso: string): string {
  return slackDate(iso);
}

/** A link to a message that works in any workspace (Slack redirects it). */
export function messageLink(channel: string, ts: string): string {
  return `https://slack.com/archives/${channel}/p${ts.replace('.', '')}`;
}

/** The call the bot will make, as an AWS CLI line an auditor can read (and re-run). */
export function createCallLine(request: EndpointRequest): string {
  const p = request.params;
  const call = createEndpointCall(p, {
    requestId: request.id,
    requester: request.requester,
    ...(request.decidedBy && { approver: request.decidedBy }),
    ...(request.account && { account: request.accountId ?? request.account }),
  });
  const dnsOptions = [
    call.ipAddressType && `DnsRecordIpType=${call.ipAddressType}`,
    call.privateDnsOnlyForInboundResolverEndpoint !== undefined && `PrivateDnsOnlyForInboundResolverEndpoint=${call.privateDnsOnlyForInboundResolverEndpoint}`,
  ].filter(Boolean);
  return [
    'aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface',
    `--region ${p.region}`,
    `--vpc-id ${p.vpcId}`,
    `--service-name ${p.serviceName}`,
    `--subnet-ids ${p.subnetIds.join(' ')}`,
    p.securityGroupIds.length > 0 ? `--security-group-ids ${p.securityGroupIds.join(' ')}` : undefined,
    call.privateDnsEnabled ? '--private-dns-enabled' : '--no-private-dns-enabled',
    call.ipAddressType ? `--ip-address-type ${call.ipAddressType}` : undefined,
    dnsOptions.length > 0 ? `--dns-options ${dnsOptions.join(',')}` : undefined,
    call.serviceRegion ? `--service-region ${call.serviceRegion}` : undefined,
    `--client-token ${call.clientToken}`,
    `--tag-specifications 'ResourceType=vpc-endpoint,Tags=[{Key=privatelink:request,Value=${request.id}},…]'`,
  ]
    .filter(Boolean)
    .join(' \\\n  ');
}

export function preflightLines(checks: PreflightCheck[], msg: Messages = english): string {
  const t = msg.preflight;
  return checks
    .map((check) => {
      const values = Object.fromEntries(Object.entries(check.values).map(([k, v]) => [k, escapeText(v)]));
      const finding = isPreflightCode(check.code) ? t.findings[check.code](values) : { text: escapeText(check.code) };
      const fix = finding.fix ? `\n      _${t.fix}_ ${finding.fix}` : '';
      return `${t.marks[check.status]} ${msg.punctuation.label(`*${t.checkNames[check.check]}*`, finding.text)}${fix}`;
    })
    .join('\n');
}

export function preflightFailedView(checks: PreflightCheck[], msg: Messages = english): SlackMessage {
  return message(msg.preflight.failed, [section(`:x: ${msg.preflight.failed}`), section(`*${msg.preflight.title}*\n${preflightLines(checks, msg)}`)]);
}

const isDecided = (state: string): state is DecidedState => ['approved', 'rejected', 'cancelled', 'expired'].includes(state);

function decisionLine(request: EndpointRequest, msg: Messages): string | undefined {
  const r = msg.requests;
  const decision = [...request.history].reverse().find((h) => isDecided(h.state));
  if (!decision || !isDecided(decision.state)) return undefined;
  const actor = decision.state === 'expired' ? undefined : decision.actor;
  return actor ? r.decidedBy(r.verbs[decision.state], actor, slackTime(decision.at)) : `${r.verbs[decision.state]} ${slackTime(decision.at)}`;
}

function decisionButtons(request: EndpointRequest, msg: Messages): Button[] {
  const r = msg.requests;
  const approve = button(r.approve, REQUEST_ACTIONS.approve, request.id, 'primary');
  approve.confirm = confirmDialog(r.confirmTitle, r.confirmText(request.params.serviceName, request.params.vpcId), r.confirmYes, r.confirmNo);
  return [approve, button(r.reject, REQUEST_ACTIONS.reject, request.id, 'danger')];
}

/** The DNS names and ready-to-paste checks of the created endpoint. */
export function dnsResult(request: EndpointRequest, msg: Messages = english): string | undefined {
  const names = request.dns;
  if (!names) return undefined;
  const t = msg.lookups;
  const lines = [
    names.privateDnsName && msg.punctuation.label(`*${t.privateDns}*`, c(names.privateDnsName)),
    names.regional && msg.punctuation.label(`*${t.regional}*`, c(names.regional)),
    ...names.zonal.map((z) => msg.punctuation.label(`*${t.zonal}*`, `${c(z.name)}  _${z.availabilityZone}_`)),
  ].filter(Boolean);
  const commands = request.state === 'available' ? smokeTestCommands(request.params.serviceName, request.params.region, names) : [];
  return [
    `*${msg.create.dnsNames}*`,
    ...lines,
    ...(commands.length > 0 ? [`*${msg.create.tryIt}*`, `\`\`\`${escapeText(commands.join('\n'))}\`\`\``] : []),
  ].join('\n');
}

/** Why a request failed, in words a person can act on. */
export function failureText(request: EndpointRequest, msg: Messages = english): string {
  const failure = request.failure ?? { code: 'Unknown', message: '' };
  if (failure.code === 'Timeout') return msg.create.timedOut(request.endpointId ?? '', CREATE_DEADLINE_MINUTES);
  if (failure.code === 'EndpointPartial') return msg.create.endpointPartial(request.endpointId ?? '', escapeText(failure.message));
  // The create job keeps the allow-list as the message (src/requests/create.ts, REGION_NOT_ALLOWED).
  if (failure.code === 'ApprovalNotVerified') {
    const said = msg.integrity.approvalRefused;
    return Object.hasOwn(said, failure.message) ? said[failure.message as ApprovalProblem] : said.forged;
  }
  if (failure.code === 'RegionNotAllowed') return msg.integrity.regionNotAllowed(request.params.region, escapeText(failure.message));
  if (request.endpointId && request.endpointState && FAILED_ENDPOINT_STATES.includes(request.endpointState.toLowerCase())) {
    return msg.create.endpointFailed(
      request.endpointId,
      request.endpointState,
      escapeText(`${failure.code === request.endpointState ? '' : failure.code} ${failure.message}`.trim()),
    );
  }
  const text = msg.ec2Problem(failure.code, 'ec2:CreateVpcEndpoint', request.params.region, escapeText(failure.message), request.account);
  // What EC2 named (the subnet it could not find), unless the text quotes EC2's message already.
  const named = resourceIdsIn(failure.message).filter((id) => !text.includes(id));
  return named.length > 0 ? msg.punctuation.sentences(text, msg.create.named(named)) : text;
}

const FAILED_ENDPOINT_STATES = ['failed', 'rejected', 'expired', 'deleted', 'deleting'];

function resultSection(request: EndpointRequest, msg: Messages): string | undefined {
  switch (request.state) {
    case 'available':
      return dnsResult(request, msg);
    case 'pending-acceptance':
      return dnsResult(request, msg);
    case 'failed':
      return `:red_circle: ${failureText(request, msg)}`;
    default:
      return undefined;
  }
}

/**
 * The endpoint in the VPC console of its region (the console's own link form for an endpoint's details page, as
 * the console writes it in the address bar; commercial partition only).
 */
export function consoleUrl(region: string, endpointId: string): string {
  return `https://${region}.console.aws.amazon.com/vpcconsole/home?region=${region}#EndpointDetails:vpcEndpointId=${endpointId}`;
}

/** The same request as a command line, for a requester whose request expired or was rejected and who asks again. */
export function createCommandLine(request: EndpointRequest): string {
  const p = request.params;
  return [
    `/privatelink create ${p.serviceName}`,
    `vpc=${p.vpcId}`,
    `subnets=${p.subnetIds.join(',')}`,
    p.securityGroupIds.length > 0 ? `sg=${p.securityGroupIds.join(',')}` : undefined,
    p.privateDns !== 'on' ? `private-dns=${p.privateDns}` : undefined,
    p.ipAddressType && p.ipAddressType !== 'ipv4' ? `ip=${p.ipAddressType}` : undefined,
    p.ports.length !== 1 || p.ports[0] !== 443 ? `ports=${p.ports.join(',')}` : undefined,
    `region=${p.region}`,
    p.serviceRegion ? `service-region=${p.serviceRegion}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Which words the call section takes: before the call, once made, or when it never will be. */
function callTitle(request: EndpointRequest, msg: Messages): string {
  const k = msg.cards;
  switch (request.state) {
    case 'pending':
    case 'approved':
      return k.willCall;
    case 'rejected':
    case 'cancelled':
    case 'expired':
      return k.notCalled;
    default:
      return k.called;
  }
}

/** The request's monthly estimate as a labelled line, shown before anyone approves. */
export function costLine(request: EndpointRequest, msg: Messages = english): string | undefined {
  const estimate = requestEstimate(request, msg);
  return estimate && msg.punctuation.label(`*${msg.money.requestLabel}*`, estimate);
}

/**
 * The approval card, read from the top: what state it is in (and who decided, when), the endpoint and its console
 * link once there is one, the buttons while it waits, the result; then who asked and why, the fields, the call and
 * the preflight. Title, tense and fields follow the state: "Expires" only while pending, "What was called" once
 * the call happened, no buttons once decided. `line`: the worker's progress while it creates and polls.
 */
export function requestMessage(request: EndpointRequest, progress: { line?: string } = {}, msg: Messages = english): SlackMessage {
  const r = msg.requests;
  const k = msg.cards;
  const p = request.params;
  const pending = request.state === 'pending';
  const top = [
    [`*${r.states[request.state]}*`, decisionLine(request, msg), progress.line].filter(Boolean).join(' · '),
    request.endpointId &&
      msg.punctuation.label(`*${k.endpoint}*`, `${c(request.endpointId)} · ${link(consoleUrl(p.region, request.endpointId), k.openInConsole)}`),
    msg.punctuation.label(`*${r.requester}*`, mention(request.requester)),
    pending && msg.punctuation.label(`*${r.expires}*`, slackTime(request.expiresAt)),
    costLine(request, msg),
  ].filter(Boolean);
  const blocks: KnownBlock[] = [header(k.titles[request.state](request.id)), section(top.join('\n'))];
  if (pending) blocks.push(actions(`request_${request.id}`, decisionButtons(request, msg)));
  if (request.state === 'expired') blocks.push(section(k.expiredHowTo(createCommandLine(request))));
  const result = resultSection(request, msg);
  if (result) blocks.push(section(result));
  if (request.state === 'failed') blocks.push(section(msg.create.failedHowTo(createCommandLine(request))));
  blocks.push(
    // The requester's words in a quote of their own, one inert line: they cannot pass for the bot's lines.
    section(`*${r.reason}*\n${request.reason ? quotedUserText(request.reason) : r.noReason}`),
    ...(request.decisionReason ? [section(`*${msg.notify.reasonLabel}*\n${quotedUserText(request.decisionReason)}`)] : []),
    fields([
      [r.service, c(p.serviceName)],
      [r.vpc, c(p.vpcId)],
      [r.subnets, p.subnetIds.map(c).join(k.separator)],
      [r.securityGroups, p.securityGroupIds.length > 0 ? p.securityGroupIds.map(c).join(k.separator) : r.defaultGroup],
      [r.privateDns, r.dnsModes[p.privateDns]],
      [r.ipType, p.ipAddressType ?? 'ipv4'],
      [r.region, c(p.region)],
      [r.ports, `TCP ${p.ports.join(k.separator)}`],
      ...(p.serviceRegion ? [[r.serviceRegion, c(p.serviceRegion)] as [string, string]] : []),
      ...(request.account
        ? [[msg.memberAccounts.account, c(request.accountId ? `${request.account} (${request.accountId})` : request.account)] as [string, string]]
        : []),
    ]),
    section(`*${callTitle(request, msg)}*\n\`\`\`${escapeText(createCallLine(request))}\`\`\``),
  );
  if (request.state === 'failed' && request.preflight.length > 0) {
    // Checks that passed before a create that failed would read as all green: folded to one line that says when.
    const passed = request.preflight.filter((check) => check.status === 'pass').length;
    blocks.push(context(msg.create.preflightBefore(passed, request.preflight.length)));
  } else if (request.preflight.length > 0) blocks.push(section(`*${msg.preflight.title}*\n${preflightLines(request.preflight, msg)}`));
  return message(`${r.title(request.id)}: ${r.states[request.state].replace(/^:[a-z_]+: /, '')}`, blocks);
}

/** A copy of an approval message that does not count (not the one the request recorded): no buttons. */
export function voidCopyView(request: EndpointRequest, msg: Messages = english): SlackMessage {
  const r = msg.requests;
  const text = msg.integrity.voidCopy(request.id);
  return message(text, [header(r.title(request.id)), section(text)]);
}

export function requesterNoteView(request: EndpointRequest, channel: string, ts: string, msg: Messages = english): SlackMessage {
  const r = msg.requests;
  const text = r.sentNote(request.id, channel, messageLink(channel, ts));
  const cost = costLine(request, msg);
  return message(text, [section(`:incoming_envelope: ${text}`, button(r.cancel, REQUEST_ACTIONS.cancel, request.id)), ...(cost ? [context(cost)] : [])]);
}

/** A person as a mention; the bot's own actors (`system`, `worker`) in the reader's words. */
function actorName(actor: string, msg: Messages): string {
  const own: Readonly<Record<string, string>> = msg.cards.actors;
  return own[actor] ?? mention(actor);
}

export function statusView(request: EndpointRequest, msg: Messages = english): SlackMessage {
  const r = msg.requests;
  const base = requestMessage(request, {}, msg);
  const history = request.history.map(
    (h) => `• ${r.historyLine(h.state, actorName(h.actor, msg), slackTime(h.at))}${h.note ? ` · ${escapeText(h.note)}` : ''}`,
  );
  const blocks = base.blocks.filter((b) => b.type !== 'actions');
  blocks.push(section(`*${r.history}*\n${history.join('\n')}`));
  return message(base.text, blocks);
}

/** Rows per page of `requests`, and how many of the most recent requests the list reads at most. */
export const REQUESTS_PAGE = 20;
export const REQUESTS_LISTED = 1000;

export const LIST_ACTIONS = { more: 'requests_more' } as const;

export type ListFilter = 'pending' | 'all';

/** The More button's value: the filter and the offset of the next page (`all:20`). */
export function listPageValue(filter: ListFilter, offset: number): string {
  return `${filter}:${offset}`;
}

export function parseListPageValue(value: string | undefined): { filter: ListFilter; offset: number } {
  const [filter, offset] = (value ?? '').split(':');
  const n = Number(offset);
  return { filter: filter === 'all' ? 'all' : 'pending', offset: Number.isInteger(n) && n > 0 ? n : 0 };
}

/** Rows packed into sections, each within Slack's section limit, never cutting a row in two. */
function rowSections(rows: string[]): SectionBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const row of rows) {
    const candidate = current ? `${current}\n${row}` : row;
    if (candidate.length <= LIMITS.sectionText) current = candidate;
    else {
      if (current) chunks.push(current);
      current = row;
    }
  }
  if (current) chunks.push(current);
  return chunks.map((chunk) => section(chunk));
}

/**
 * One page of `requests`: "showing N–M of T", one row per request with a link to its approval message, and a
 * More button that carries the filter and the next page's offset. `requests` is everything the store listed, newest
 * first. `now`: a pending request past its expiry is expired, though the sweep may not have recorded it yet, so the
 * open list leaves it out and the full list names it expired.
 */
export function requestsListView(requests: EndpointRequest[], filter: ListFilter, now: Date, msg: Messages = english, offset = 0): SlackMessage {
  const r = msg.requests;
  const k = msg.cards;
  const listed = filter === 'pending' ? requests.filter((q) => OPEN_STATES.includes(q.state) && !isExpired(q, now)) : requests;
  const title = r.listTitle(filter, listed.length);
  if (listed.length === 0) return message(r.none(filter), [section(r.none(filter))]);
  const lastPage = Math.floor((listed.length - 1) / REQUESTS_PAGE) * REQUESTS_PAGE;
  const start = Math.min(Math.max(0, Math.floor(offset)), lastPage);
  const page = listed.slice(start, start + REQUESTS_PAGE);
  const rows = page.map((q) => {
    const line = r.listLine(q.id, r.states[isExpired(q, now) ? 'expired' : q.state], q.requester, q.params.serviceName, q.params.vpcId, slackTime(q.createdAt));
    return q.message ? `${line} · ${link(messageLink(q.message.channel, q.message.ts), k.openCard)}` : line;
  });
  const blocks: KnownBlock[] = [header(title), context(k.showing(start + 1, start + page.length, listed.length)), ...rowSections(rows)];
  if (start + page.length < listed.length) {
    blocks.push(actions('requests_list', [button(k.more, LIST_ACTIONS.more, listPageValue(filter, start + page.length))]));
  }
  blocks.push(context(msg.code(msg.usage.status)));
  return message(`${title} ${k.showing(start + 1, start + page.length, listed.length)}`, blocks);
}

export interface ModalDefaults {
  region?: string;
  /** The configured account aliases (home first): a select when there is more than home. */
  accounts?: readonly string[];
  /** Reader allow-lists exist: a text field instead, so the form shows no alias to someone who may not read. */
  accountsHidden?: boolean;
}

export function createModal(defaults: ModalDefaults, msg: Messages = english): ModalView {
  const m = msg.requests.modal;
  const text = (
    blockId: string,
    label: string,
    options: { optional?: boolean; hint?: string; multiline?: boolean; initial?: string; placeholder?: string } = {},
  ): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: { type: 'plain_text', text: label },
    ...(options.hint && { hint: { type: 'plain_text', text: options.hint } }),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: options.multiline ?? false,
      ...(options.initial && { initial_value: options.initial }),
      ...(options.placeholder && { placeholder: { type: 'plain_text', text: options.placeholder } }),
    },
  });
  const choice = (blockId: string, label: string, choices: [string, string][], initial?: string): KnownBlock => {
    const optionsList = choices.map(([value, label]) => ({ text: { type: 'plain_text' as const, text: label }, value }));
    const initialOption = optionsList.find((o) => o.value === initial);
    return {
      type: 'input',
      block_id: blockId,
      optional: true,
      label: { type: 'plain_text', text: label },
      element: { type: 'static_select', action_id: 'value', options: optionsList, ...(initialOption && { initial_option: initialOption }) },
    };
  };
  return {
    type: 'modal',
    callback_id: CREATE_MODAL_ID,
    title: { type: 'plain_text', text: m.title },
    submit: { type: 'plain_text', text: m.submit },
    close: { type: 'plain_text', text: m.close },
    blocks: [
      context(m.intro),
      text('service', m.service, { hint: m.serviceHint, placeholder: 'kinesis-streams' }),
      text('vpc', m.vpc, { placeholder: 'vpc-0123456789abcdef0' }),
      text('subnets', m.subnets, { hint: m.subnetsHint }),
      text('sg', m.sg, { optional: true }),
      choice(
        'private-dns',
        m.privateDns,
        [
          ['on', m.on],
          ['off', m.off],
          ['inbound-only', m.inboundOnly],
        ],
        'on',
      ),
      choice('ip', m.ip, Object.entries(m.ipTypes)),
      text('ports', m.ports, { optional: true, hint: m.portsHint, placeholder: '443' }),
      text('region', m.region, { optional: true, ...(defaults.region && { initial: defaults.region }) }),
      text('service-region', m.serviceRegion, { optional: true, hint: m.serviceRegionHint }),
      ...(defaults.accounts && defaults.accounts.length > 1
        ? [
            defaults.accountsHidden
              ? text('account', msg.memberAccounts.account, { optional: true, placeholder: 'home' })
              : choice(
                  'account',
                  msg.memberAccounts.account,
                  defaults.accounts.map((a) => [a, a]),
                  defaults.accounts[0],
                ),
          ]
        : []),
      text('reason', m.reason, { optional: true, multiline: true }),
    ],
  };
}
