/**
 * The connectivity decision: answers in, a ranked recommendation out. Pure: no I/O, no text
 * (note ids are rendered by the message catalog; fact ids point into facts.ts).
 */
import { FACTS_AS_OF } from './facts.js';
import { QUESTIONS, question, type Answers, type QuestionKey } from './questions.js';

export type OptionId = 'gateway-endpoint' | 'interface-endpoint' | 'endpoint-service' | 'vpc-peering' | 'transit-gateway';

export const OPTION_IDS: readonly OptionId[] = [
  'gateway-endpoint',
  'interface-endpoint',
  'endpoint-service',
  'vpc-peering',
  'transit-gateway',
];

export type NoteId =
  | 'ruled.gateway-aws-only'
  | 'ruled.gateway-s3-dynamodb-only'
  | 'ruled.gateway-no-outside'
  | 'ruled.gateway-same-region'
  | 'ruled.interface-own-service'
  | 'ruled.privatelink-one-service'
  | 'ruled.privatelink-tcp-only'
  | 'ruled.privatelink-one-way'
  | 'ruled.endpoint-service-not-yours'
  | 'ruled.peering-aws-api'
  | 'ruled.peering-saas'
  | 'ruled.peering-overlap'
  | 'ruled.peering-no-transit'
  | 'ruled.peering-quota'
  | 'ruled.tgw-not-a-service-path'
  | 'ruled.tgw-overlap'
  | 'why.gateway-free'
  | 'why.interface-aws-service'
  | 'why.interface-saas'
  | 'why.interface-onprem'
  | 'why.interface-cross-region-aws'
  | 'why.privatelink-cross-region'
  | 'why.endpoint-service-own'
  | 'why.privatelink-overlap'
  | 'why.peering-whole-vpc'
  | 'why.peering-two-way'
  | 'why.peering-any-protocol'
  | 'why.peering-cross-region'
  | 'why.peering-few-vpcs'
  | 'why.tgw-many-vpcs'
  | 'why.tgw-onprem'
  | 'why.only-option-left'
  | 'caveat.tcp-only'
  | 'caveat.private-dns-attributes'
  | 'caveat.sg-443'
  | 'caveat.one-subnet-per-az'
  | 'caveat.cost-per-az'
  | 'caveat.interface-quota'
  | 'caveat.onprem-dns'
  | 'caveat.s3-private-dns'
  | 'caveat.acceptance'
  | 'caveat.gateway-in-vpc-only'
  | 'caveat.gateway-routes'
  | 'caveat.peering-quota'
  | 'caveat.peering-no-transit'
  | 'caveat.peering-cost'
  | 'caveat.tgw-overlap'
  | 'caveat.check-overlap'
  | 'caveat.ipv6-interface'
  | 'caveat.ipv6-gateway'
  | 'caveat.cross-region-service-list'
  | 'next.services'
  | 'next.create'
  | 'next.create-saas'
  | 'next.publish-service'
  | 'next.gateway'
  | 'next.peering'
  | 'next.tgw'
  | 'next.readdress';

export interface Note {
  id: NoteId;
  facts: string[];
}

export interface RuledOut extends Note {
  option: OptionId;
}

export interface NextStep {
  id: NoteId;
  /** A command ready to paste (a `/privatelink` command or an AWS CLI line). */
  command: string;
}

export interface OpenQuestion {
  key: QuestionKey;
  /** For each answer that would change the recommendation, what it would become. */
  changesTo: { value: string; recommendation: OptionId | null }[];
}

export interface Decision {
  /** null only when every option is ruled out. */
  recommendation: OptionId | null;
  ranked: OptionId[];
  ruledOut: RuledOut[];
  reasons: Note[];
  caveats: Note[];
  /** Fact ids whose 2018 value differs from today's and that bear on these answers. */
  changedSince2018: string[];
  nextSteps: NextStep[];
  openQuestions: OpenQuestion[];
  factsAsOf: string;
}

const GATEWAY_SERVICES = new Set(['s3', 'dynamodb']);

const yes = (v: string | undefined) => v === 'yes';

function ruleOut(option: OptionId, a: Answers): Note | undefined {
  const pick = (...rules: [boolean, NoteId, string[]][]): Note | undefined => {
    const hit = rules.find(([applies]) => applies);
    return hit && { id: hit[1], facts: hit[2] };
  };
  const notTcp = a.protocol === 'udp' || a.protocol === 'any';
  const twoWay = a.direction === 'both';
  switch (option) {
    case 'gateway-endpoint':
      return pick(
        [a.target !== undefined && a.target !== 'aws-service', 'ruled.gateway-aws-only', ['gateway.services']],
        [a.service !== undefined && !GATEWAY_SERVICES.has(a.service), 'ruled.gateway-s3-dynamodb-only', ['gateway.services']],
        [yes(a.onprem), 'ruled.gateway-no-outside', ['gateway.no-outside-access']],
        [yes(a['cross-region']), 'ruled.gateway-same-region', ['gateway.same-region']],
      );
    case 'interface-endpoint':
      return pick(
        [a.target === 'own-service', 'ruled.interface-own-service', ['privatelink.nlb']],
        [a.target === 'whole-vpc', 'ruled.privatelink-one-service', ['privatelink.one-way']],
        [notTcp, 'ruled.privatelink-tcp-only', ['interface.tcp-only']],
        [twoWay, 'ruled.privatelink-one-way', ['privatelink.one-way']],
      );
    case 'endpoint-service':
      return pick(
        [a.target === 'aws-service' || a.target === 'saas', 'ruled.endpoint-service-not-yours', ['privatelink.saas', 'interface.services']],
        [a.target === 'whole-vpc' && a.overlap !== 'yes', 'ruled.privatelink-one-service', ['privatelink.one-way']],
        [notTcp, 'ruled.privatelink-tcp-only', ['interface.tcp-only']],
        [twoWay, 'ruled.privatelink-one-way', ['privatelink.one-way']],
      );
    case 'vpc-peering':
      return pick(
        [a.target === 'aws-service', 'ruled.peering-aws-api', ['interface.services']],
        [a.target === 'saas', 'ruled.peering-saas', ['privatelink.saas']],
        [a.overlap === 'yes', 'ruled.peering-overlap', ['peering.overlap']],
        [yes(a.onprem), 'ruled.peering-no-transit', ['peering.no-transit']],
        [(a.vpcs ?? 0) > 126, 'ruled.peering-quota', ['peering.quota', 'tgw.mesh-math']],
      );
    case 'transit-gateway':
      return pick(
        [a.target === 'aws-service' || a.target === 'saas', 'ruled.tgw-not-a-service-path', ['tgw.hub', 'interface.outside-access']],
        [a.overlap === 'yes', 'ruled.tgw-overlap', ['tgw.overlap']],
      );
  }
}

/** How well a viable option fits; the highest wins, ties go to the earlier option in OPTION_IDS. */
function score(option: OptionId, a: Answers): number {
  const manyVpcs = (a.vpcs ?? 2) >= 3;
  switch (option) {
    case 'gateway-endpoint':
      return a.service !== undefined && GATEWAY_SERVICES.has(a.service) ? 4 : 1;
    case 'interface-endpoint':
      return 3;
    case 'endpoint-service':
      return 3;
    case 'vpc-peering':
      return manyVpcs ? 1 : a.target === 'whole-vpc' ? 4 : 2;
    case 'transit-gateway':
      if (!manyVpcs && !yes(a.onprem)) return 1.5;
      return a.target === 'whole-vpc' ? 5 : 2.5;
  }
}

function reasonsFor(option: OptionId, a: Answers, alone: boolean): Note[] {
  const notes: Note[] = [];
  const add = (when: boolean, id: NoteId, facts: string[]) => when && notes.push({ id, facts });
  switch (option) {
    case 'gateway-endpoint':
      add(true, 'why.gateway-free', ['gateway.services', 'gateway.free']);
      break;
    case 'interface-endpoint':
      add(a.target !== 'saas', 'why.interface-aws-service', ['interface.services']);
      add(a.target === 'saas', 'why.interface-saas', ['privatelink.saas']);
      add(yes(a.onprem), 'why.interface-onprem', ['interface.outside-access', 'gateway.no-outside-access']);
      add(yes(a['cross-region']) && a.target === 'aws-service', 'why.interface-cross-region-aws', ['interface.cross-region-aws-services']);
      add(yes(a['cross-region']) && a.target === 'saas', 'why.privatelink-cross-region', ['interface.cross-region']);
      break;
    case 'endpoint-service':
      add(true, 'why.endpoint-service-own', ['privatelink.nlb', 'privatelink.one-way']);
      add(a.overlap === 'yes', 'why.privatelink-overlap', ['peering.overlap']);
      add(yes(a.onprem), 'why.interface-onprem', ['interface.outside-access', 'peering.no-transit']);
      add(yes(a['cross-region']), 'why.privatelink-cross-region', ['interface.cross-region']);
      break;
    case 'vpc-peering':
      add(a.target === 'whole-vpc', 'why.peering-whole-vpc', ['peering.whole-vpc']);
      add(a.direction === 'both', 'why.peering-two-way', ['peering.whole-vpc', 'privatelink.one-way']);
      add(a.protocol === 'udp' || a.protocol === 'any', 'why.peering-any-protocol', ['peering.whole-vpc', 'interface.tcp-only']);
      add(yes(a['cross-region']), 'why.peering-cross-region', ['peering.cross-region']);
      add((a.vpcs ?? 2) < 3, 'why.peering-few-vpcs', ['peering.cost', 'tgw.mesh-math']);
      break;
    case 'transit-gateway':
      add((a.vpcs ?? 2) >= 3, 'why.tgw-many-vpcs', ['tgw.mesh-math', 'tgw.hub']);
      add(yes(a.onprem), 'why.tgw-onprem', ['tgw.hub', 'peering.no-transit']);
      break;
  }
  if (alone) notes.push({ id: 'why.only-option-left', facts: [] });
  return notes;
}

function caveatsFor(option: OptionId | null, a: Answers): Note[] {
  const notes: Note[] = [];
  const add = (when: boolean, id: NoteId, facts: string[]) => when && notes.push({ id, facts });
  const privateLink = option === 'interface-endpoint' || option === 'endpoint-service';
  add(privateLink, 'caveat.tcp-only', ['interface.tcp-only']);
  add(privateLink, 'caveat.private-dns-attributes', ['dns.vpc-attributes', 'dns.one-per-vpc']);
  add(privateLink, 'caveat.sg-443', ['interface.security-group']);
  add(privateLink, 'caveat.one-subnet-per-az', ['interface.one-subnet-per-az']);
  add(privateLink, 'caveat.cost-per-az', ['interface.cost']);
  add(privateLink, 'caveat.interface-quota', ['interface.quota']);
  add(privateLink && yes(a.onprem), 'caveat.onprem-dns', ['dns.on-premises']);
  add(option === 'interface-endpoint' && a.service === 's3', 'caveat.s3-private-dns', ['dns.s3-interface']);
  add(option === 'endpoint-service' || a.target === 'saas', 'caveat.acceptance', ['privatelink.acceptance']);
  add(option === 'interface-endpoint' && a.target === 'aws-service' && yes(a['cross-region']), 'caveat.cross-region-service-list', ['interface.cross-region-aws-services']);
  add(privateLink && yes(a.ipv6), 'caveat.ipv6-interface', ['interface.ipv6']);
  add(option === 'gateway-endpoint', 'caveat.gateway-in-vpc-only', ['gateway.no-outside-access']);
  add(option === 'gateway-endpoint', 'caveat.gateway-routes', ['gateway.nacl-sg']);
  add(option === 'gateway-endpoint' && yes(a.ipv6), 'caveat.ipv6-gateway', ['gateway.ipv6']);
  add(option === 'vpc-peering', 'caveat.peering-no-transit', ['peering.no-transit']);
  add(option === 'vpc-peering', 'caveat.peering-quota', ['peering.quota']);
  add(option === 'vpc-peering', 'caveat.peering-cost', ['peering.cost']);
  add(option === 'transit-gateway', 'caveat.tgw-overlap', ['tgw.overlap']);
  add((option === 'vpc-peering' || option === 'transit-gateway') && a.overlap !== 'no', 'caveat.check-overlap', ['peering.overlap', 'tgw.overlap']);
  return notes;
}

function changedSince2018(option: OptionId | null, a: Answers): string[] {
  const ids: string[] = [];
  const add = (when: boolean, ...factIds: string[]) => when && ids.push(...factIds.filter((id) => !ids.includes(id)));
  const privateLink = option === 'interface-endpoint' || option === 'endpoint-service';
  add(yes(a.onprem), 'interface.outside-access');
  add(yes(a['cross-region']) && (privateLink || a.target !== 'whole-vpc'), 'interface.cross-region');
  add(yes(a['cross-region']) && a.target === 'aws-service', 'interface.cross-region-aws-services');
  add(yes(a.ipv6), option === 'gateway-endpoint' ? 'gateway.ipv6' : 'interface.ipv6');
  add(a.service !== undefined && GATEWAY_SERVICES.has(a.service), 'interface.s3-dynamodb');
  add(a.service === 's3' && option === 'interface-endpoint', 'dns.s3-interface');
  add(a.target === 'own-service', 'privatelink.nlb');
  add(privateLink, 'interface.quota', 'interface.policy', 'interface.bandwidth', 'endpoint.tags');
  return ids;
}

function nextSteps(option: OptionId | null, a: Answers): NextStep[] {
  const service = a.service && a.service !== 'other' ? a.service : 'kinesis-streams';
  switch (option) {
    case 'gateway-endpoint':
      return [
        {
          id: 'next.gateway',
          command: `aws ec2 create-vpc-endpoint --vpc-endpoint-type Gateway --vpc-id vpc-… --service-name com.amazonaws.<region>.${service} --route-table-ids rtb-…`,
        },
      ];
    case 'interface-endpoint':
      return a.target === 'saas'
        ? [{ id: 'next.create-saas', command: '/privatelink create com.amazonaws.vpce.<region>.vpce-svc-… vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-…' }]
        : [
            { id: 'next.services', command: `/privatelink services ${service}` },
            { id: 'next.create', command: `/privatelink create ${service} vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=on` },
          ];
    case 'endpoint-service':
      return [
        {
          id: 'next.publish-service',
          command: 'aws ec2 create-vpc-endpoint-service-configuration --network-load-balancer-arns arn:aws:elasticloadbalancing:… --acceptance-required',
        },
        { id: 'next.create-saas', command: '/privatelink create com.amazonaws.vpce.<region>.vpce-svc-… vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-…' },
      ];
    case 'vpc-peering':
      return [{ id: 'next.peering', command: 'aws ec2 create-vpc-peering-connection --vpc-id vpc-… --peer-vpc-id vpc-… [--peer-owner-id …] [--peer-region …]' }];
    case 'transit-gateway':
      return [{ id: 'next.tgw', command: 'aws ec2 create-transit-gateway --description "hub" && aws ec2 create-transit-gateway-vpc-attachment --transit-gateway-id tgw-… --vpc-id vpc-… --subnet-ids subnet-…' }];
    case null:
      return [{ id: 'next.readdress', command: '/privatelink compare target=whole-vpc overlap=no' }];
  }
}

function pickRecommendation(a: Answers): { recommendation: OptionId | null; ranked: OptionId[]; ruledOut: RuledOut[] } {
  const ruledOut: RuledOut[] = [];
  const viable: OptionId[] = [];
  for (const option of OPTION_IDS) {
    const why = ruleOut(option, a);
    if (why) ruledOut.push({ option, ...why });
    else viable.push(option);
  }
  const ranked = viable
    .map((option, index) => ({ option, index, score: score(option, a) }))
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .map((x) => x.option);
  return { recommendation: ranked[0] ?? null, ranked, ruledOut };
}

/** Unanswered questions whose answer would change the recommendation, with what it would change to. */
function openQuestions(a: Answers, current: OptionId | null): OpenQuestion[] {
  const open: OpenQuestion[] = [];
  for (const q of QUESTIONS) {
    if (a[q.key] !== undefined || !q.appliesTo(a)) continue;
    const changesTo = q.choices
      .map((value) => ({
        value,
        recommendation: pickRecommendation({ ...a, [q.key]: q.key === 'vpcs' ? Number(value) : value }).recommendation,
      }))
      .filter((alt) => alt.recommendation !== current);
    if (changesTo.length > 0) open.push({ key: q.key, changesTo });
  }
  return open;
}

export function decide(answers: Answers): Decision {
  const { recommendation, ranked, ruledOut } = pickRecommendation(answers);
  return {
    recommendation,
    ranked,
    ruledOut,
    reasons: recommendation ? reasonsFor(recommendation, answers, ranked.length === 1 && ruledOut.length > 0) : [],
    caveats: caveatsFor(recommendation, answers),
    changedSince2018: changedSince2018(recommendation, answers),
    nextSteps: nextSteps(recommendation, answers),
    openQuestions: openQuestions(answers, recommendation),
    factsAsOf: FACTS_AS_OF,
  };
}

/**
 * The walkthrough's next question: the first one (in order) that applies, is unanswered and could still change
 * the recommendation. undefined means the result can be shown.
 */
export function nextQuestion(answers: Answers): QuestionKey | undefined {
  if (answers.target === undefined) return 'target';
  const open = new Set(openQuestions(answers, pickRecommendation(answers).recommendation).map((q) => q.key));
  return QUESTIONS.find((q) => open.has(q.key) && question(q.key).appliesTo(answers))?.key;
}
