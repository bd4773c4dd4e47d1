/** The doctor's answer: a verdict, the one fix, then one line per link of the path; and its stable JSON. */
import type { KnownBlock } from '@slack/types';
import type { Check, DoctorOutcome, DoctorProblem, DoctorReport } from '../../doctor/model.js';
import { en } from '../../messages.js';
import { context, escapeText, header, message, section, unescapeText, type SlackMessage } from './blocks.js';
import { problemText } from './endpoints.js';

const d = en.doctor;
const code = (s: string) => `\`${escapeText(s)}\``;

function escapedValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeText(v)]));
}

export function checkText(check: Check): { text: string; fix?: string } {
  const finding = d.findings[check.finding];
  return finding ? finding(escapedValues(check.values)) : { text: escapeText(check.finding) };
}

function checkLine(check: Check): string {
  const { text, fix } = checkText(check);
  const lines = [`${d.marks[check.status] ?? ''} *${d.checkNames[check.id] ?? check.id}*: ${text}`];
  if (check.status !== 'pass' && (fix || check.command)) lines.push(`      ${fix ?? ''} ${check.command ? code(check.command) : ''}`.trimEnd());
  return lines.join('\n');
}

function reportView(report: DoctorReport): SlackMessage {
  const title = d.title(report.endpoint.serviceName, report.source.label);
  const failing = report.checks.find((c) => c.id === report.firstFailing);
  const verdict = [
    `*${d.verdicts[report.verdict]}*${failing ? ` · ${d.firstFailing(d.checkNames[failing.id] ?? failing.id)}` : ''}${report.unknown.length > 0 ? ` · ${d.asFarAsVisible(report.unknown.map((id) => d.checkNames[id] ?? id).join(', '))}` : ''}`,
    ...(failing ? [checkText(failing).text] : []),
    ...(report.fix ? [`${d.fixIt} ${code(report.fix)}`] : []),
  ].join('\n');
  const source = [report.source.label, report.source.subnetId, report.source.availabilityZone].filter((x, i, all) => x && all.indexOf(x) === i).join(' · ');
  const blocks: KnownBlock[] = [
    header(title),
    section(verdict),
    context(d.summary(escapeText(report.endpoint.id), escapeText(report.endpoint.vpcId), report.endpoint.dnsMode, escapeText(source), d.locations[report.location] ?? report.location, report.port)),
    ...(report.location === 'onprem' && report.source.cidr ? [context(d.problems.outsideNote(escapeText(report.source.cidr)))] : []),
    ...report.checks.map((c) => section(checkLine(c))),
  ];
  if (report.names.length > 0) {
    const lines = report.names.map((n) => `${code(n.name)}: ${en.reach.outcome(n.resolvesTo, n.path)}`);
    blocks.push(section(`*${d.names}*\n${lines.join('\n')}`));
  }
  blocks.push(context(d.readOnly));
  return message(`${title}: ${d.verdicts[report.verdict]}`, blocks);
}

export function doctorProblemText(problem: DoctorProblem): string {
  switch (problem.code) {
    case 'noRegion':
    case 'regionNotAllowed':
      return problemText(problem);
    case 'ec2':
      return en.ec2Problem(problem.errorCode, problem.action, problem.region, escapeText(problem.message));
    case 'sourceNotFound':
      return d.problems.sourceNotFound(escapeText(problem.source), problem.region);
    case 'endpointNotFound':
      return d.problems.endpointNotFound(escapeText(problem.endpoint), problem.region);
    case 'noEndpoint':
      return d.problems.noEndpoint(escapeText(problem.service), problem.vpcId ? d.problems.inVpc(problem.vpcId) : d.problems.inRegion(problem.region), escapeText(problem.create));
    case 'ambiguous':
      return d.problems.ambiguous(escapeText(problem.service), problem.candidates.map((c) => `${code(c.id)} (${escapeText(c.serviceName)}, ${escapeText(c.vpcId)})`).join(', '));
    case 'notInterface':
      return d.problems.notInterface(problem.endpoint, problem.type);
  }
}

export function doctorView(outcome: DoctorOutcome): SlackMessage {
  if (outcome.kind === 'report') return reportView(outcome.report);
  const text = doctorProblemText(outcome.problem);
  return message(text, [section(`:warning: ${text}`)]);
}

/** The CLI's `--json`: a stable verdict id and one object per check (text in the user's language, ids stable). */
export function doctorJson(outcome: DoctorOutcome): unknown {
  if (outcome.kind === 'problem') return { problem: outcome.problem.code, text: unescapeText(doctorProblemText(outcome.problem)), ...('create' in outcome.problem && { fix: outcome.problem.create }) };
  const r = outcome.report;
  return {
    verdict: r.verdict,
    ...(r.firstFailing && { firstFailing: r.firstFailing }),
    ...(r.fix && { fix: r.fix }),
    unknown: r.unknown,
    region: r.region,
    port: r.port,
    location: r.location,
    source: r.source,
    endpoint: r.endpoint,
    names: r.names.map(({ name, kind, resolvesTo, path, private: priv, why }) => ({ name, kind, resolvesTo, path, private: priv, why })),
    checks: r.checks.map((c) => {
      const { text, fix } = checkText(c);
      return { id: c.id, status: c.status, finding: c.finding, resources: c.resources, text: unescapeText(text), ...(c.status !== 'pass' && fix && { fix: unescapeText(fix) }), ...(c.command && { command: c.command }) };
    }),
  };
}
