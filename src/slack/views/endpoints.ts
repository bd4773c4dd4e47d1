/** Block Kit views of the lookups: DNS names, endpoint cards, endpoint services, and lookup problems. */
import type { KnownBlock } from '@slack/types';
import type { LookupTarget } from '../../commands/parse.js';
import { smokeTestCommands, serviceRegionOf } from '../../endpoints/smoke-tests.js';
import { missingCompanions } from '../../endpoints/companions.js';
import type { EndpointDetail } from '../../endpoints/detail.js';
import type { EndpointDnsNames } from '../../aws/endpoint.js';
import { dnsNames, routingRows, type RoutingRow } from '../../endpoints/dns.js';
import type { Endpoint, EndpointService } from '../../endpoints/ec2-api.js';
import { dnsModeOf, type Known, type NameReach } from '../../endpoints/reach.js';
import type { EstateResult, LookupProblem, LookupResult } from '../../endpoints/lookups.js';
import { messagesFor, type Messages } from '../../i18n.js';
import { link } from '../../mrkdwn.js';
import { capBlocks, context, escapeText, fields, header, message, section, sections, type SlackMessage } from './blocks.js';

/** English when no catalog is given (the CLI's and the tests' default). */
const english = messagesFor('en');
/** Most endpoints a dns answer shows in full, and most lines a list shows; past that the user narrows. */
export const MAX_DNS_CARDS = 20;
export const MAX_LIST_LINES = 100;

const STATE_MARKERS: Record<string, string> = {
  available: ':large_green_circle:',
  pending: ':large_yellow_circle:',
  pendingacceptance: ':hourglass_flowing_sand:',
  partial: ':large_orange_circle:',
  failed: ':red_circle:',
  rejected: ':red_circle:',
  expired: ':white_circle:',
  deleting: ':white_circle:',
  deleted: ':white_circle:',
};

export function stateLabel(state: string): string {
  return `${STATE_MARKERS[state.toLowerCase()] ?? ':grey_question:'} ${escapeText(state)}`;
}

const c = (s: string) => `\`${escapeText(s)}\``;

function targetLabel(target: LookupTarget | undefined, msg: Messages): string {
  const t = msg.lookups;
  if (!target) return t.everything;
  return target.kind === 'service' ? target.text : target.id;
}

function dnsLines(names: EndpointDnsNames, msg: Messages): string[] {
  const t = msg.lookups;
  const lines: string[] = [];
  const label = (name: string, text: string) => msg.punctuation.label(`*${name}*`, text);
  if (names.privateDnsName) lines.push(label(t.privateDns, c(names.privateDnsName)));
  if (names.regional) lines.push(label(t.regional, c(names.regional)));
  if (names.zonal.length > 0) lines.push(label(t.zonal, '').trimEnd(), ...names.zonal.map((z) => `${c(z.name)}  _${z.availabilityZone}_`));
  return lines.length > 0 ? lines : [t.noDnsNames];
}

function endpointLine(e: Endpoint, msg: Messages): string {
  const t = msg.lookups;
  const mode = dnsModeOf(e);
  const dns = mode === 'on' ? t.on : mode === 'off' ? t.off : mode;
  return `*${escapeText(e.id)}*  ${c(e.serviceName)}  ${stateLabel(e.state)}  ${escapeText(e.vpcId)}  ${msg.punctuation.label(t.privateDns, dns)}`;
}

function reachText(reach: NameReach, msg: Messages): string {
  const r = msg.reach;
  return `${r.outcome(reach.resolvesTo, reach.path)}${msg.punctuation.aside(r.why[reach.why])}`;
}

function routingText(row: RoutingRow, msg: Messages): string {
  const r = msg.reach;
  const label = msg.punctuation.label;
  const inVpc =
    row.inVpc.length === 1
      ? [`• ${label(r.inVpc, reachText(row.inVpc[0]!.reach, msg))}`]
      : row.inVpc.map((v) => `• ${label(`${r.inVpc}${msg.cards.separator}${v.variants.map((k) => r.variants[k]).join(' / ')}`, reachText(v.reach, msg))}`);
  return [c(row.name), ...inVpc, `• ${label(r.remoteVpc, reachText(row.remoteVpc, msg))}`, `• ${label(r.onprem, reachText(row.onprem, msg))}`].join('\n');
}

function gatewayEndpointKnown(e: Endpoint, detail: EndpointDetail | undefined): Known {
  if (!detail || detail.vpcEndpoints === 'unknown') return 'unknown';
  return detail.vpcEndpoints.some((o) => o.type === 'Gateway' && o.serviceName === e.serviceName && o.state.toLowerCase() === 'available');
}

function eniLines(detail: EndpointDetail, msg: Messages): string {
  const r = msg.reach;
  if (detail.enis === 'unknown') return r.enisUnknown;
  const sorted = [...detail.enis].sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
  return sorted
    .map((n) =>
      r.eniLine(
        escapeText(n.availabilityZone),
        escapeText([n.privateIp, ...n.ipv6s].filter(Boolean).join(msg.cards.separator) || '—'),
        escapeText(n.id),
        escapeText(n.subnetId),
      ),
    )
    .join('\n');
}

function companionsText(detail: EndpointDetail, region: string, msg: Messages): string {
  const r = msg.reach;
  if (detail.vpcEndpoints === 'unknown') return r.companionsUnknown;
  const missing = missingCompanions(region, detail.vpcEndpoints);
  if (missing.length === 0) return r.companionsNone;
  return [r.companionsIntro, ...missing.map((m) => `• ${r.companionLine(r.companions[m.group.id], m.missing)} (${link(m.group.source, r.source)})`)].join('\n');
}

function namesOf(e: Endpoint, services: Record<string, EndpointService>): EndpointDnsNames {
  return dnsNames(e, services[e.serviceName]?.privateDnsName);
}

/** The count, or "1000+" when EC2 has more than a lookup reads. */
function total(result: Extract<LookupResult, { kind: 'endpoints' }>): string {
  return result.complete ? String(result.endpoints.length) : `${result.endpoints.length}+`;
}

function nothingFound(result: Extract<LookupResult, { kind: 'endpoints' }>, msg: Messages): SlackMessage {
  const text = msg.lookups.nothingFound(escapeText(targetLabel(result.command.target, msg)), result.region);
  return message(text, [section(`:mag: ${text}`)]);
}

export function dnsView(result: Extract<LookupResult, { kind: 'endpoints' }>, msg: Messages = english): SlackMessage {
  const t = msg.lookups;
  if (result.endpoints.length === 0) return nothingFound(result, msg);
  const title = t.dnsTitle(targetLabel(result.command.target, msg), result.region);
  const shown = result.endpoints.slice(0, MAX_DNS_CARDS);
  const blocks: KnownBlock[] = [header(title), ...accountLabel(result, msg)];
  for (const e of shown) blocks.push(section([endpointLine(e, msg), ...dnsLines(namesOf(e, result.services), msg)].join('\n')));
  if (result.endpoints.length > shown.length || !result.complete) blocks.push(context(t.shown(shown.length, total(result), t.narrowEndpoints)));
  return message(
    title,
    capBlocks(blocks, () => t.narrowEndpoints),
  );
}

function endpointCard(e: Endpoint, services: Record<string, EndpointService>, region: string, msg: Messages, detail?: EndpointDetail): KnownBlock[] {
  const t = msg.lookups;
  const r = msg.reach;
  const names = namesOf(e, services);
  const signingRegion = e.serviceRegion ?? serviceRegionOf(e.serviceName, region);
  const blocks: KnownBlock[] = [
    header(`${e.id}: ${e.serviceName}`),
    fields([
      [t.type, escapeText(t.endpointTypes[e.type] ?? e.type)],
      [t.state, stateLabel(e.state)],
      [t.vpc, escapeText(e.vpcId)],
      [t.subnets, escapeText(e.subnetIds.join(msg.cards.separator) || '—')],
      [t.securityGroups, escapeText(e.securityGroupIds.join(msg.cards.separator) || '—')],
      [t.privateDns, r.dnsMode[dnsModeOf(e)]],
      [t.ipType, escapeText(e.ipAddressType ?? '—')],
      [t.created, escapeText(e.createdAt ?? '—')],
      ...(signingRegion !== region ? [[r.serviceRegion, escapeText(signingRegion)] as [string, string]] : []),
      ...(e.lastError ? [[t.lastError, `${c(e.lastError.code)} ${escapeText(e.lastError.message)}`] as [string, string]] : []),
    ]),
    section(`*${t.dnsNames}*\n${dnsLines(names, msg).join('\n')}`),
  ];
  if (detail && e.type === 'Interface') blocks.push(section(`*${r.enis}*\n${eniLines(detail, msg)}`));
  if (e.type === 'Interface') {
    const known = {
      vpcDns: detail?.vpcDns ?? { support: 'unknown' as Known, hostnames: 'unknown' as Known },
      gatewayEndpoint: gatewayEndpointKnown(e, detail),
    };
    const rows = routingRows(e, names, known, services[e.serviceName]?.privateDnsName);
    if (rows.length > 0) blocks.push(section(`*${r.routing}*\n${rows.map((row) => routingText(row, msg)).join('\n')}`));
  }
  const commands = smokeTestCommands(e.serviceName, region, names, e.serviceRegion);
  if (commands.length > 0) blocks.push(section(`*${r.tryIt(signingRegion)}*\n\`\`\`${escapeText(commands.join('\n'))}\`\`\``));
  if (detail && e.type === 'Interface') blocks.push(section(`*${r.companionsTitle}*\n${companionsText(detail, region, msg)}`));
  return blocks;
}

export function describeView(result: Extract<LookupResult, { kind: 'endpoints' }>, msg: Messages = english): SlackMessage {
  const t = msg.lookups;
  const { endpoints } = result;
  if (endpoints.length === 0) return nothingFound(result, msg);
  if (endpoints.length === 1) {
    const only = endpoints[0]!;
    const [cardHeader, ...card] = endpointCard(only, result.services, result.region, msg, result.detail);
    return message(`${only.id}: ${only.serviceName} (${only.state})`, [cardHeader!, ...accountLabel(result, msg), ...card]);
  }
  const title = t.describeTitle(targetLabel(result.command.target, msg), result.region);
  const shown = endpoints.slice(0, MAX_LIST_LINES);
  const blocks: KnownBlock[] = [
    header(`${title} (${total(result)})`),
    ...accountLabel(result, msg),
    ...sections(shown.map((e) => endpointLine(e, msg)).join('\n')),
  ];
  if (endpoints.length > shown.length || !result.complete) blocks.push(context(t.shown(shown.length, total(result), t.narrowEndpoints)));
  return message(
    `${title} (${total(result)})`,
    capBlocks(blocks, () => t.narrowEndpoints),
  );
}

export function servicesView(result: Extract<LookupResult, { kind: 'services' }>, msg: Messages = english): SlackMessage {
  const t = msg.lookups;
  const filter = result.command.filter ?? '';
  if (result.services.length === 0) {
    const text = t.noServices(escapeText(filter), result.region);
    return message(text, [section(`:mag: ${text}`)]);
  }
  const title = t.servicesTitle(filter, result.region, result.services.length);
  const shown = result.services.slice(0, MAX_LIST_LINES);
  const lines = shown.map((s) =>
    [
      c(s.serviceName),
      escapeText(s.types.join('/')),
      s.privateDnsName ? `${t.privateDns} ${c(s.privateDnsName)}` : undefined,
      msg.punctuation.label(t.acceptance, s.acceptanceRequired ? t.acceptanceValues.required : t.acceptanceValues.notRequired),
      msg.punctuation.label(t.policy, s.policySupported ? t.policyValues.supported : t.policyValues.unsupported),
      msg.punctuation.label(t.azs, escapeText(s.availabilityZones.join(msg.cards.separator))),
    ]
      .filter(Boolean)
      .join(' · '),
  );
  const blocks: KnownBlock[] = [header(title), ...sections(lines.join('\n'))];
  if (result.services.length > shown.length) blocks.push(context(t.shown(shown.length, result.services.length, t.narrowServices)));
  return message(
    title,
    capBlocks(blocks, () => t.narrowServices),
  );
}

export function problemText(problem: LookupProblem, msg: Messages = english): string {
  switch (problem.code) {
    case 'noRegion':
      return msg.noRegion;
    case 'regionNotAllowed':
      return msg.regionNotAllowed(problem.region, problem.allowed);
    case 'ec2':
      return msg.ec2Problem(problem.error.code, problem.error.action, problem.error.region, escapeText(problem.error.message), problem.error.account);
    case 'unknownAccount':
      return msg.estate.unknownAccount(escapeText(problem.alias), problem.suggestion);
    case 'allRegionsNeedList':
      return msg.estate.allRegionsNeedList;
  }
}

// ---- Estate: results labelled with their account and region; a search of many, with its failures ----

/** "Account prod · region ap-northeast-1" under the title, when the result names its account. */
function accountLabel(result: Extract<LookupResult, { kind: 'endpoints' }>, msg: Messages): KnownBlock[] {
  return result.account ? [context(msg.estate.where(escapeText(result.account), escapeText(result.region)))] : [];
}

/** One line per account and region that could not be searched (also the CLI's stderr beside --json). */
export function failureLines(result: EstateResult, msg: Messages): string[] {
  const t = msg.estate;
  return result.failures.map((f) => {
    const known = f.code === 'UnauthorizedOperation' ? 'AccessDenied' : f.code === 'RequestLimitExceeded' ? 'Throttling' : f.code;
    const reason = known in t.reasons && known !== 'other' ? (t.reasons[known as keyof typeof t.reasons] as string) : t.reasons.other(escapeText(f.code));
    return t.failure(escapeText(f.account), escapeText(f.region), reason);
  });
}

export function estateView(result: EstateResult, msg: Messages = english): SlackMessage {
  const t = msg.estate;
  const searched = t.searched(result.accounts.length, result.regions.length, result.asked);
  const failures = failureLines(result, msg);
  const failureBlocks = failures.length > 0 ? sections([`*${t.failuresTitle}*`, ...failures].join('\n')) : [];
  if (result.hits.length === 0) {
    const text = t.nothingFound(escapeText(targetLabel(result.command.target, msg)), result.accounts.length, result.regions.map(c).join(', '));
    return message(text, [section(`:mag: ${text}`), ...failureBlocks, context(searched)]);
  }
  const views = result.hits.map((hit) => (hit.command.name === 'dns' ? dnsView(hit, msg) : describeView(hit, msg)));
  return message(
    views.map((v) => v.text).join('\n'),
    capBlocks([...views.flatMap((v) => v.blocks as KnownBlock[]), ...failureBlocks, context(searched)], () => msg.lookups.narrowEndpoints),
  );
}

export function problemView(problem: LookupProblem, msg: Messages = english): SlackMessage {
  const text = problemText(problem, msg);
  return message(text, [section(`:warning: ${text}`)]);
}

export function lookupView(result: LookupResult, msg: Messages = english): SlackMessage {
  switch (result.kind) {
    case 'problem':
      return problemView(result.problem, msg);
    case 'services':
      return servicesView(result, msg);
    case 'endpoints':
      return result.command.name === 'dns' ? dnsView(result, msg) : describeView(result, msg);
    case 'estate':
      return estateView(result, msg);
  }
}
