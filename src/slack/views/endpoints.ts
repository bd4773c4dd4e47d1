/** Block Kit views of the lookups: DNS names, endpoint cards, endpoint services, and lookup problems. */
import type { KnownBlock } from '@slack/types';
import type { LookupTarget } from '../../commands/parse.js';
import { checkCommands } from '../../endpoints/cli-hints.js';
import { dnsMatrix, dnsNames, type EndpointDnsNames } from '../../endpoints/dns.js';
import type { Endpoint, EndpointService } from '../../endpoints/ec2.js';
import type { LookupProblem, LookupResult } from '../../endpoints/lookups.js';
import { en } from '../../messages.js';
import { capBlocks, context, escapeText, fields, header, message, section, sections, type SlackMessage } from './blocks.js';

const t = en.lookups;
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

function targetLabel(target: LookupTarget | undefined): string {
  if (!target) return t.everything;
  return target.kind === 'service' ? target.text : target.id;
}

function dnsLines(names: EndpointDnsNames): string[] {
  const lines: string[] = [];
  if (names.privateDnsName) lines.push(`*${t.privateDns}:* ${c(names.privateDnsName)}`);
  if (names.regional) lines.push(`*${t.regional}:* ${c(names.regional)}`);
  if (names.zonal.length > 0) lines.push(`*${t.zonal}:*`, ...names.zonal.map((z) => `${c(z.name)}  _${z.availabilityZone}_`));
  return lines.length > 0 ? lines : [t.noDnsNames];
}

function endpointLine(e: Endpoint): string {
  return `*${escapeText(e.id)}*  ${c(e.serviceName)}  ${stateLabel(e.state)}  ${escapeText(e.vpcId)}  ${t.privateDns} ${e.privateDnsEnabled ? t.on : t.off}`;
}

function namesOf(e: Endpoint, services: Record<string, EndpointService>): EndpointDnsNames {
  return dnsNames(e, services[e.serviceName]?.privateDnsName);
}

/** The count, or "1000+" when EC2 has more than a lookup reads. */
function total(result: Extract<LookupResult, { kind: 'endpoints' }>): string {
  return result.complete ? String(result.endpoints.length) : `${result.endpoints.length}+`;
}

function nothingFound(result: Extract<LookupResult, { kind: 'endpoints' }>): SlackMessage {
  const text = en.lookups.nothingFound(escapeText(targetLabel(result.command.target)), result.region);
  return message(text, [section(`:mag: ${text}`)]);
}

export function dnsView(result: Extract<LookupResult, { kind: 'endpoints' }>): SlackMessage {
  if (result.endpoints.length === 0) return nothingFound(result);
  const title = t.dnsTitle(targetLabel(result.command.target), result.region);
  const shown = result.endpoints.slice(0, MAX_DNS_CARDS);
  const blocks: KnownBlock[] = [header(title)];
  for (const e of shown) blocks.push(section([endpointLine(e), ...dnsLines(namesOf(e, result.services))].join('\n')));
  if (result.endpoints.length > shown.length || !result.complete) blocks.push(context(t.shown(shown.length, total(result), t.narrowEndpoints)));
  return message(title, capBlocks(blocks, () => t.narrowEndpoints));
}

function endpointCard(e: Endpoint, services: Record<string, EndpointService>, region: string): KnownBlock[] {
  const names = namesOf(e, services);
  const blocks: KnownBlock[] = [
    header(`${e.id}: ${e.serviceName}`),
    fields([
      [t.type, escapeText(e.type)],
      [t.state, stateLabel(e.state)],
      [t.vpc, escapeText(e.vpcId)],
      [t.subnets, escapeText(e.subnetIds.join(', ') || '—')],
      [t.securityGroups, escapeText(e.securityGroupIds.join(', ') || '—')],
      [t.privateDns, e.privateDnsEnabled ? t.on : t.off],
      [t.ipType, escapeText(e.ipAddressType ?? '—')],
      [t.created, escapeText(e.createdAt ?? '—')],
      ...(e.lastError ? [[t.lastError, `${c(e.lastError.code)} ${escapeText(e.lastError.message)}`] as [string, string]] : []),
    ]),
    section(`*${t.dnsNames}*\n${dnsLines(names).join('\n')}`),
  ];
  const matrix = dnsMatrix(e, names, services[e.serviceName]?.privateDnsName);
  if (e.type === 'Interface' && matrix.length > 0) {
    const rows = matrix.map((row) => `${c(row.name)}\n      ${t.fromPublic}: ${t.routes[row.fromPublicSubnet]} · ${t.fromPrivate}: ${t.routes[row.fromPrivateSubnet]}`);
    blocks.push(section(`*${t.routing}*\n${rows.join('\n')}`));
  }
  const commands = checkCommands(e.serviceName, region, names);
  if (commands.length > 0) blocks.push(section(`*${t.tryIt}*\n\`\`\`${escapeText(commands.join('\n'))}\`\`\``));
  return blocks;
}

export function describeView(result: Extract<LookupResult, { kind: 'endpoints' }>): SlackMessage {
  const { endpoints } = result;
  if (endpoints.length === 0) return nothingFound(result);
  if (endpoints.length === 1) {
    const only = endpoints[0]!;
    return message(`${only.id}: ${only.serviceName} (${only.state})`, endpointCard(only, result.services, result.region));
  }
  const title = t.describeTitle(targetLabel(result.command.target), result.region);
  const shown = endpoints.slice(0, MAX_LIST_LINES);
  const blocks: KnownBlock[] = [header(`${title} (${total(result)})`), ...sections(shown.map(endpointLine).join('\n'))];
  if (endpoints.length > shown.length || !result.complete) blocks.push(context(t.shown(shown.length, total(result), t.narrowEndpoints)));
  return message(`${title} (${total(result)})`, capBlocks(blocks, () => t.narrowEndpoints));
}

export function servicesView(result: Extract<LookupResult, { kind: 'services' }>): SlackMessage {
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
      `${t.acceptance}: ${s.acceptanceRequired ? t.yes : t.no}`,
      `${t.policy}: ${s.policySupported ? t.yes : t.no}`,
      `${t.azs}: ${escapeText(s.availabilityZones.join(', '))}`,
    ]
      .filter(Boolean)
      .join(' · '),
  );
  const blocks: KnownBlock[] = [header(title), ...sections(lines.join('\n'))];
  if (result.services.length > shown.length) blocks.push(context(t.shown(shown.length, result.services.length, t.narrowServices)));
  return message(title, capBlocks(blocks, () => t.narrowServices));
}

export function problemText(problem: LookupProblem): string {
  switch (problem.code) {
    case 'noRegion':
      return en.noRegion;
    case 'regionNotAllowed':
      return en.regionNotAllowed(problem.region, problem.allowed);
    case 'ec2':
      return en.ec2Problem(problem.error.code, problem.error.action, problem.error.region, escapeText(problem.error.message));
  }
}

export function problemView(problem: LookupProblem): SlackMessage {
  const text = problemText(problem);
  return message(text, [section(`:warning: ${text}`)]);
}

export function lookupView(result: LookupResult): SlackMessage {
  switch (result.kind) {
    case 'problem':
      return problemView(result.problem);
    case 'services':
      return servicesView(result);
    case 'endpoints':
      return result.command.name === 'dns' ? dnsView(result) : describeView(result);
  }
}
