/** The doctor's answer: a verdict, the one fix, then one line per link of the path; and its stable JSON. */
import type { KnownBlock } from '@slack/types';
import { DOCTOR_PLACEHOLDERS, type Check, type DoctorOutcome, type DoctorPlaceholder, type DoctorProblem, type DoctorReport } from '../../doctor/model.js';
import { messagesFor, type Messages } from '../../i18n.js';
import { context, escapeText, header, message, section, unescapeText, type SlackMessage } from './blocks.js';
import { problemText } from './endpoints.js';

/** English when no catalog is given (the CLI's and the tests' default). */
const english = messagesFor('en');
const code = (s: string) => `\`${escapeText(s)}\``;

const SLOT = '\u0000';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Each placeholder as the commands carry it, as a pattern whose group is its argument (if it takes one). */
const PLACEHOLDER_PATTERNS = (Object.keys(DOCTOR_PLACEHOLDERS) as DoctorPlaceholder[]).map((id) => {
  const [before = '', after = ''] = DOCTOR_PLACEHOLDERS[id](SLOT).split(SLOT);
  const pattern = DOCTOR_PLACEHOLDERS[id](SLOT).includes(SLOT) ? `${escapeRegExp(before)}([^<>]+?)${escapeRegExp(after)}` : escapeRegExp(before);
  return { id, pattern: new RegExp(pattern, 'g') };
});

/** A command with its placeholders in the reader's words (`<on-premises CIDR>` → `<オンプレミスの CIDR>`). */
export function localCommand(command: string, msg: Messages): string {
  return PLACEHOLDER_PATTERNS.reduce(
    (text, { id, pattern }) => text.replace(pattern, (_whole, arg: string | undefined) => `<${msg.doctor.placeholders[id](arg ?? '')}>`),
    command,
  );
}

function escapedValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeText(v)]));
}

export function checkText(check: Check, msg: Messages = english): { text: string; fix?: string } {
  const d = msg.doctor;
  return d.findings[check.finding](escapedValues(check.values));
}

function checkLine(check: Check, msg: Messages): string {
  const d = msg.doctor;
  const { text, fix } = checkText(check, msg);
  const lines = [`${d.marks[check.status]} ${msg.punctuation.label(`*${d.checkNames[check.id]}*`, text)}`];
  const lead = fix ?? (check.status === 'unknown' && check.command ? d.settleWith : undefined);
  if (check.status !== 'pass' && (lead || check.command))
    lines.push(`      ${lead ?? ''} ${check.command ? code(localCommand(check.command, msg)) : ''}`.trimEnd());
  return lines.join('\n');
}

function reportView(report: DoctorReport, msg: Messages): SlackMessage {
  const d = msg.doctor;
  const title = d.title(report.endpoint.serviceName, report.source.label);
  const failing = report.checks.find((c) => c.id === report.firstFailing);
  const unknownNames = report.unknown.map((id) => d.checkNames[id]).join(msg.cards.separator);
  const verdict =
    report.verdict === 'cannot-tell'
      ? [
          // Each unknown link with the one read-only command that would settle it.
          `*${d.verdicts[report.verdict]}* · ${d.unknownLinks(unknownNames)}`,
          ...report.settle.map((s) => `• ${d.checkNames[s.id]} — ${d.settleWith} ${code(localCommand(s.command, msg))}`),
        ].join('\n')
      : [
          `*${d.verdicts[report.verdict]}*${failing ? ` · ${d.firstFailing(d.checkNames[failing.id])}` : ''}${report.unknown.length > 0 ? ` · ${d.asFarAsVisible(unknownNames)}` : ''}`,
          ...(failing ? [checkText(failing, msg).text] : []),
          ...(report.fix ? [`${d.fixIt} ${code(localCommand(report.fix, msg))}`] : []),
        ].join('\n');
  const source = [report.source.label, report.source.subnetId, report.source.availabilityZone].filter((x, i, all) => x && all.indexOf(x) === i).join(' · ');
  const blocks: KnownBlock[] = [
    header(title),
    section(verdict),
    context(
      d.summary(
        escapeText(report.endpoint.id),
        escapeText(report.endpoint.vpcId),
        report.endpoint.dnsMode,
        escapeText(source),
        d.locations[report.location],
        report.port,
      ),
    ),
    ...(report.location === 'onprem' && report.source.cidr ? [context(d.problems.outsideNote(escapeText(report.source.cidr)))] : []),
    ...report.checks.map((c) => section(checkLine(c, msg))),
  ];
  if (report.names.length > 0) {
    const lines = report.names.map((n) => msg.punctuation.label(code(n.name), msg.reach.outcome(n.resolvesTo, n.path)));
    blocks.push(section(`*${d.names}*\n${lines.join('\n')}`));
  }
  blocks.push(context(d.readOnly));
  return message(msg.punctuation.label(title, d.verdicts[report.verdict]), blocks);
}

export function doctorProblemText(problem: DoctorProblem, msg: Messages = english): string {
  const d = msg.doctor;
  switch (problem.code) {
    case 'noRegion':
    case 'regionNotAllowed':
      return problemText(problem, msg);
    case 'ec2':
      return msg.ec2Problem(problem.errorCode, problem.action, problem.region, escapeText(problem.message));
    case 'sourceNotFound':
      return d.problems.sourceNotFound(escapeText(problem.source), problem.region);
    case 'endpointNotFound':
      return d.problems.endpointNotFound(escapeText(problem.endpoint), problem.region);
    case 'noEndpoint':
      return d.problems.noEndpoint(
        escapeText(problem.service),
        problem.vpcId ? d.problems.inVpc(problem.vpcId) : d.problems.inRegion(problem.region),
        escapeText(problem.create),
      );
    case 'ambiguous':
      return d.problems.ambiguous(
        escapeText(problem.service),
        problem.candidates.map((c) => `${code(c.id)} (${escapeText(c.serviceName)}, ${escapeText(c.vpcId)})`).join(msg.cards.separator),
      );
    case 'notInterface':
      return d.problems.notInterface(problem.endpoint, problem.type);
  }
}

export function doctorView(outcome: DoctorOutcome, msg: Messages = english): SlackMessage {
  if (outcome.kind === 'report') return reportView(outcome.report, msg);
  const text = doctorProblemText(outcome.problem, msg);
  return message(text, [section(`:warning: ${text}`)]);
}

/**
 * The CLI's `--json`: a stable verdict id and one object per check. The same in every language (a script's
 * contract): ids, plus the English text beside them.
 */
export function doctorJson(outcome: DoctorOutcome): unknown {
  const msg = english;
  if (outcome.kind === 'problem')
    return {
      problem: outcome.problem.code,
      text: unescapeText(doctorProblemText(outcome.problem, msg)),
      ...('create' in outcome.problem && { fix: outcome.problem.create }),
    };
  const r = outcome.report;
  return {
    verdict: r.verdict,
    ...(r.firstFailing && { firstFailing: r.firstFailing }),
    ...(r.firstUnknown && { firstUnknown: r.firstUnknown }),
    ...(r.fix && { fix: r.fix }),
    unknown: r.unknown,
    settle: r.settle,
    region: r.region,
    port: r.port,
    location: r.location,
    source: r.source,
    endpoint: r.endpoint,
    names: r.names.map(({ name, kind, resolvesTo, path, private: priv, why }) => ({ name, kind, resolvesTo, path, private: priv, why })),
    checks: r.checks.map((c) => {
      const { text, fix } = checkText(c, msg);
      return {
        id: c.id,
        status: c.status,
        finding: c.finding,
        resources: c.resources,
        text: unescapeText(text),
        ...(c.status !== 'pass' && fix && { fix: unescapeText(fix) }),
        ...(c.command && { command: c.command }),
      };
    }),
  };
}
