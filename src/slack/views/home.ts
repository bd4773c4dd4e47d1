/**
 * The App Home tab: a user's own requests and their states and, for approvers, the requests waiting for them
 * with Approve and Reject. A Home view holds at most 100 blocks (https://docs.slack.dev/reference/views/home-tab-views);
 * the lists are bounded well below that and say how many they leave out.
 */
import type { Button, HomeView, KnownBlock } from '@slack/types';
import type { Messages } from '../../i18n.js';
import { isExpired, type EndpointRequest } from '../../requests/model.js';
import { actions, button, context, divider, escapeText, header, section, truncate } from './blocks.js';
import { costLine, messageLink, slackTime } from './requests.js';

/** The Home's buttons: their own ids, so that a Home click takes the Home's path (src/slack/listeners/home.ts). */
export const HOME_ACTIONS = { approve: 'home_approve_request', reject: 'home_reject_request' } as const;

/** How many rows each list shows; the rest are counted ("newest 10 of 23"). */
export const HOME_LIMITS = { own: 10, waiting: 15 } as const;

/** Slack's limit on a Home view's blocks. */
export const HOME_MAX_BLOCKS = 100;

export interface HomeContent {
  /** The user's own requests, newest first. */
  own: EndpointRequest[];
  /** Pending requests this user may decide, newest first; absent for a user who is not an approver. */
  waiting?: EndpointRequest[];
  /** One line at the top: what a click on this Home came to. */
  notice?: string;
  now: Date;
}

/**
 * A Home button's block names the request and the version the Home drew: the click is bound to that record as it
 * was shown (ARCHITECTURE.md, "App Home"). Request ids are `plr-` and base-36 digits, so `:` cannot occur in one.
 */
export function homeBlockId(request: Pick<EndpointRequest, 'id' | 'version'>): string {
  return `home:${request.id}:${request.version}`;
}

export function parseHomeBlockId(blockId: string | undefined): { requestId: string; version: number } | undefined {
  const match = /^home:(plr-[0-9a-z]+):(\d{1,9})$/.exec(blockId ?? '');
  return match ? { requestId: match[1]!, version: Number(match[2]) } : undefined;
}

const c = (s: string) => `\`${escapeText(s)}\``;

function approvalLink(request: EndpointRequest, msg: Messages): string {
  return request.message ? ` · <${messageLink(request.message.channel, request.message.ts)}|${msg.home.approvalMessage}>` : '';
}

function ownLine(request: EndpointRequest, now: Date, msg: Messages): string {
  const state = msg.requests.states[isExpired(request, now) ? 'expired' : request.state];
  const cost = costLine(request, msg);
  return `${c(request.id)} ${state} · ${c(request.params.serviceName)} · ${c(request.params.vpcId)} · ${slackTime(request.createdAt)}${approvalLink(request, msg)}${cost ? `\n${cost}` : ''}`;
}

function waitingBlocks(request: EndpointRequest, msg: Messages): KnownBlock[] {
  const h = msg.home;
  const p = request.params;
  const approve: Button = button(msg.requests.approve, HOME_ACTIONS.approve, request.id, 'primary');
  // Confirm dialogs take plain_text (https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object).
  approve.confirm = {
    title: { type: 'plain_text', text: truncate(msg.requests.confirmTitle, 100) },
    text: { type: 'plain_text', text: truncate(h.confirmText(p.serviceName, p.vpcId, p.region), 300) },
    confirm: { type: 'plain_text', text: msg.requests.confirmYes },
    deny: { type: 'plain_text', text: msg.requests.confirmNo },
  };
  return [
    section(
      [
        `${c(request.id)} · <@${request.requester}> · ${c(p.serviceName)} · ${c(p.vpcId)} · ${c(p.region)}`,
        `${h.expires(slackTime(request.expiresAt))}${approvalLink(request, msg)}`,
        costLine(request, msg),
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    actions(homeBlockId(request), [approve, button(msg.requests.reject, HOME_ACTIONS.reject, request.id, 'danger')]),
  ];
}

export function homeView(content: HomeContent, msg: Messages): HomeView {
  const h = msg.home;
  const blocks: KnownBlock[] = [header(h.title)];
  if (content.notice) blocks.push(section(content.notice));
  if (content.waiting) {
    const shown = content.waiting.slice(0, HOME_LIMITS.waiting);
    blocks.push(section(`*${h.waiting(shown.length, content.waiting.length)}*`));
    if (shown.length === 0) blocks.push(context(h.noneWaiting));
    for (const request of shown) blocks.push(...waitingBlocks(request, msg));
    blocks.push(divider());
  }
  const own = content.own.slice(0, HOME_LIMITS.own);
  blocks.push(section(`*${h.yours(own.length, content.own.length)}*`));
  if (own.length === 0) blocks.push(context(h.noneYours));
  // One row per section: a row never splits, and ten rows stay far below the section limit.
  for (const request of own) blocks.push(section(ownLine(request, content.now, msg)));
  blocks.push(context(h.footer));
  return { type: 'home', blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}
