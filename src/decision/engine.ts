/**
 * The connectivity decision: answers in, a ranked recommendation out. Pure: no I/O, no text
 * (note ids are rendered by the message catalog; fact ids point into facts.ts).
 *
 * Each option is one entry of OPTIONS: what rules it out, how well it fits, why, what it needs beside it, what to
 * watch, which 2018 advice it corrects and what to run next. Adding an option is one more entry (plus its words).
 */
import { centralizeBreakEvenGb, costsOf, sizingOf, type Costs } from './costs.js';
import { CROSS_REGION_AWS_SERVICES, FACTS_AS_OF, GATEWAY_SERVICES, GLOBAL_SERVICE_NAMES, fact } from './facts.js';
import { QUESTIONS, encodeAnswers, question, type Answers, type QuestionKey, type Target } from './questions.js';

import type { OptionId } from './options.js';

export type NoteId =
  | 'ruled.gateway-aws-only'
  | 'ruled.gateway-s3-dynamodb-only'
  | 'ruled.gateway-no-outside'
  | 'ruled.gateway-same-region'
  | 'ruled.interface-own-service'
  | 'ruled.interface-resource'
  | 'ruled.privatelink-one-service'
  | 'ruled.privatelink-no-icmp'
  | 'ruled.endpoint-service-not-yours'
  | 'ruled.peering-aws-api'
  | 'ruled.peering-saas'
  | 'ruled.peering-overlap'
  | 'ruled.peering-no-transit'
  | 'ruled.peering-quota'
  | 'ruled.peering-quota-consumers'
  | 'ruled.tgw-not-a-service-path'
  | 'ruled.tgw-overlap-two-way'
  | 'ruled.lattice-aws-api'
  | 'ruled.lattice-saas'
  | 'ruled.lattice-not-whole-vpc'
  | 'ruled.lattice-protocols'
  | 'ruled.central-aws-only'
  | 'ruled.central-few-vpcs'
  | 'ruled.central-gateway-service'
  | 'why.gateway-free'
  | 'why.interface-aws-service'
  | 'why.interface-saas'
  | 'why.interface-onprem'
  | 'why.interface-inbound-only'
  | 'why.interface-cross-region-aws'
  | 'why.interface-in-service-region'
  | 'why.interface-service-region-unknown'
  | 'why.privatelink-cross-region'
  | 'why.privatelink-udp'
  | 'why.privatelink-many-consumers'
  | 'why.endpoint-service-own'
  | 'why.endpoint-service-resource'
  | 'why.privatelink-overlap'
  | 'why.peering-whole-vpc'
  | 'why.peering-two-way'
  | 'why.peering-any-protocol'
  | 'why.peering-cross-region'
  | 'why.peering-few-vpcs'
  | 'why.tgw-many-vpcs'
  | 'why.tgw-onprem'
  | 'why.tgw-private-nat'
  | 'why.lattice-resource'
  | 'why.lattice-service-network'
  | 'why.lattice-overlap'
  | 'why.lattice-onprem'
  | 'why.central-many-vpcs'
  | 'why.central-pays-off'
  | 'why.only-option-left'
  | 'also.gateway-for-vpc'
  | 'also.peering-to-service-region'
  | 'also.tgw-to-service-region'
  | 'also.reverse-endpoint-service'
  | 'alt.readdress'
  | 'alt.private-nat-tgw'
  | 'alt.endpoint-service-pair'
  | 'alt.lattice'
  | 'alt.provider-network'
  | 'alt.tcp-udp-only'
  | 'caveat.privatelink-protocols'
  | 'caveat.private-dns-attributes'
  | 'caveat.sg-aws-api'
  | 'caveat.sg-listener-ports'
  | 'caveat.endpoint-service-dns'
  | 'caveat.one-subnet-per-az'
  | 'caveat.cost-per-az'
  | 'caveat.interface-quota'
  | 'caveat.onprem-dns'
  | 'caveat.peered-dns'
  | 'caveat.inbound-only-gateway'
  | 'caveat.global-name'
  | 'caveat.acceptance'
  | 'caveat.provider-enables-region'
  | 'caveat.gateway-in-vpc-only'
  | 'caveat.gateway-routes'
  | 'caveat.peering-quota'
  | 'caveat.peering-no-transit'
  | 'caveat.peering-cost'
  | 'caveat.check-overlap'
  | 'caveat.private-nat-one-way'
  | 'caveat.or-readdress'
  | 'caveat.tgw-regional'
  | 'caveat.ipv6-interface'
  | 'caveat.ipv6-gateway'
  | 'caveat.cross-region-service-list'
  | 'caveat.lattice-protocols'
  | 'caveat.lattice-quota'
  | 'caveat.lattice-endpoint'
  | 'caveat.lattice-cross-region'
  | 'caveat.central-dns'
  | 'caveat.central-resolver'
  | 'caveat.central-tgw-data'
  | 'caveat.central-hop'
  | 'caveat.central-sg'
  | 'caveat.central-past-break-even'
  | 'next.services'
  | 'next.create'
  | 'next.create-inbound-only'
  | 'next.create-cross-region'
  | 'next.create-in-service-region'
  | 'next.create-saas'
  | 'next.publish-service'
  | 'next.publish-reverse'
  | 'next.gateway'
  | 'next.gateway-first'
  | 'next.peering'
  | 'next.peering-to-service-region'
  | 'next.tgw'
  | 'next.tgw-peering'
  | 'next.private-nat'
  | 'next.lattice-resource-gateway'
  | 'next.lattice-resource-configuration'
  | 'next.lattice-resource-endpoint'
  | 'next.lattice-service-network'
  | 'next.lattice-associate'
  | 'next.central-create'
  | 'next.central-zone'
  | 'next.central-profile'
  | 'next.readdress'
  | 'next.narrow-protocol';

export interface Note {
  id: NoteId;
  facts: string[];
}

export interface RuledOut extends Note {
  option: OptionId;
}

/** A companion option the answer needs beside the recommendation, and why. */
export interface AlsoNeeded extends Note {
  option: OptionId;
}

export interface NextStep {
  id: NoteId;
  /** A command ready to paste (a `/privatelink` command or an AWS CLI line); placeholders end in `…` or sit in <>. */
  command: string;
}

export interface OpenQuestion {
  key: QuestionKey;
  /** For each answer that would change the recommendation (or what it needs beside it), what it would become. */
  changesTo: { value: string; recommendation: OptionId | null; alsoNeeded?: OptionId[] }[];
}

export interface Decision {
  /** null when every option is ruled out, or when the target is not known yet. */
  recommendation: OptionId | null;
  ranked: OptionId[];
  ruledOut: RuledOut[];
  /** Companion options the recommendation needs (e.g. a gateway endpoint beside an inbound-only interface endpoint). */
  alsoNeeded: AlsoNeeded[];
  reasons: Note[];
  caveats: Note[];
  /** Fact ids whose 2018 value differs from today's and that bear on this answer. */
  changedSince2018: string[];
  nextSteps: NextStep[];
  /** When nothing fits: the real ways out, beyond re-addressing. */
  alternatives: Note[];
  openQuestions: OpenQuestion[];
  factsAsOf: string;
  /** The monthly estimate of every option not ruled out (recommendation and companions first), and the break-evens. */
  costs: Costs;
}

/** The answers, read once into the facts the rules test. */
export interface Situation {
  answers: Answers;
  target: Target | undefined;
  /** The AWS service's short name, undefined when not given or 'other'. */
  service: string | undefined;
  gatewayService: boolean;
  onprem: boolean;
  crossRegion: boolean;
  overlap: boolean;
  twoWay: boolean;
  udp: boolean;
  anyProtocol: boolean;
  manyVpcs: boolean;
  /** More VPCs than the 125 peerings one VPC may hold (whole mesh or one provider VPC peered with each consumer). */
  beyondPeeringQuota: boolean;
  globalService: boolean;
  /** An AWS service in another region that is on the cross-region list. */
  crossRegionListed: boolean;
  /** An AWS service in another region that is not on the list: an endpoint in its region plus peering/TGW. */
  serviceRegionOnly: boolean;
  /** S3/DynamoDB from the VPC and on-premises: gateway endpoint + interface endpoint with inbound-only private DNS. */
  gatewayPlusInboundOnly: boolean;
  /**
   * An AWS service used from many VPCs, at a traffic below the point where one shared endpoint stops costing less
   * than an endpoint per VPC (costs.ts). false when the prices are unknown.
   */
  centralizePays: boolean;
}

function centralizePays(a: Answers): boolean {
  const gb = centralizeBreakEvenGb(a);
  return gb !== undefined && sizingOf(a).gb < gb;
}

export function situation(a: Answers): Situation {
  const service = a.service && a.service !== 'other' ? a.service : undefined;
  const aws = a.target === 'aws-service';
  const crossRegion = a['cross-region'] === 'yes';
  const onprem = a.onprem === 'yes';
  // S3 Express One Zone directory buckets have a gateway endpoint service of their own (s3express.gateway).
  const gatewayService = service !== undefined && (GATEWAY_SERVICES.has(service) || service === 's3express');
  const listed = service !== undefined && CROSS_REGION_AWS_SERVICES.has(service);
  const vpcs = a.vpcs ?? 2;
  return {
    answers: a,
    target: a.target,
    service,
    gatewayService,
    onprem,
    crossRegion,
    overlap: a.overlap === 'yes',
    twoWay: a.direction === 'both',
    udp: a.protocol === 'udp',
    anyProtocol: a.protocol === 'any',
    manyVpcs: vpcs >= 3,
    beyondPeeringQuota: vpcs - 1 > 125,
    globalService: service !== undefined && GLOBAL_SERVICE_NAMES.has(service),
    crossRegionListed: aws && crossRegion && listed,
    serviceRegionOnly: aws && crossRegion && !listed,
    gatewayPlusInboundOnly: aws && gatewayService && onprem && !crossRegion,
    centralizePays: aws && vpcs >= 3 && centralizePays(a),
  };
}

type When = (s: Situation) => boolean;

interface Rule {
  when: When;
  note: NoteId;
  facts: string[];
}

interface Companion extends Rule {
  option: OptionId;
}

interface OptionSpec {
  id: OptionId;
  /** The first rule that applies rules the option out. */
  ruledOutBy: Rule[];
  /** How well a viable option fits; the highest wins, ties go to the earlier entry. */
  score: (s: Situation) => number;
  reasons: Rule[];
  alsoNeeded: Companion[];
  caveats: Rule[];
  /** Facts whose 2018 advice this answer corrects. */
  changed: { when: When; facts: string[] }[];
  nextSteps: (s: Situation) => NextStep[];
}

const always: When = () => true;
const is =
  (...targets: Target[]): When =>
  (s) =>
    s.target !== undefined && targets.includes(s.target);
const both =
  (...tests: When[]): When =>
  (s) =>
    tests.every((t) => t(s));

const VPC = 'vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-…';

/** The endpoint service name to put in a create line: global services have region-less names. */
function serviceArg(s: Situation): string {
  if (!s.service) return '<service>';
  return GLOBAL_SERVICE_NAMES.get(s.service) ?? s.service;
}

const peeringCompanionIsTgw: When = (s) => s.serviceRegionOnly && (s.onprem || s.manyVpcs);

const OPTIONS: readonly OptionSpec[] = [
  {
    id: 'gateway-endpoint',
    ruledOutBy: [
      { when: (s) => s.target !== undefined && s.target !== 'aws-service', note: 'ruled.gateway-aws-only', facts: ['gateway.services'] },
      {
        when: (s) => s.service !== undefined && !s.gatewayService,
        note: 'ruled.gateway-s3-dynamodb-only',
        facts: ['gateway.services', 's3express.gateway'],
      },
      { when: (s) => s.crossRegion, note: 'ruled.gateway-same-region', facts: ['gateway.same-region'] },
      { when: (s) => s.onprem, note: 'ruled.gateway-no-outside', facts: ['gateway.no-outside-access'] },
    ],
    score: (s) => (s.gatewayService ? 4 : 1),
    reasons: [{ when: always, note: 'why.gateway-free', facts: ['gateway.services', 'gateway.free'] }],
    alsoNeeded: [],
    caveats: [
      { when: always, note: 'caveat.gateway-in-vpc-only', facts: ['gateway.no-outside-access'] },
      { when: always, note: 'caveat.gateway-routes', facts: ['gateway.nacl-sg'] },
      { when: (s) => s.answers.ipv6 === 'yes', note: 'caveat.ipv6-gateway', facts: ['gateway.ipv6'] },
    ],
    changed: [
      { when: (s) => s.gatewayService, facts: ['interface.s3-dynamodb'] },
      { when: (s) => s.answers.ipv6 === 'yes', facts: ['gateway.ipv6'] },
    ],
    nextSteps: (s) => [{ id: 'next.gateway', command: gatewayCommand(s) }],
  },
  {
    id: 'interface-endpoint',
    ruledOutBy: [
      { when: is('own-service'), note: 'ruled.interface-own-service', facts: ['privatelink.nlb'] },
      { when: is('resource'), note: 'ruled.interface-resource', facts: ['lattice.resource-endpoint', 'privatelink.nlb'] },
      { when: is('whole-vpc'), note: 'ruled.privatelink-one-service', facts: ['privatelink.one-way'] },
      { when: (s) => s.anyProtocol, note: 'ruled.privatelink-no-icmp', facts: ['privatelink.protocols'] },
    ],
    score: () => 3,
    reasons: [
      { when: is('aws-service'), note: 'why.interface-aws-service', facts: ['interface.services'] },
      { when: is('saas'), note: 'why.interface-saas', facts: ['privatelink.saas'] },
      { when: (s) => s.onprem, note: 'why.interface-onprem', facts: ['interface.outside-access', 'gateway.no-outside-access'] },
      { when: (s) => s.gatewayPlusInboundOnly, note: 'why.interface-inbound-only', facts: ['dns.inbound-only'] },
      { when: (s) => s.crossRegionListed, note: 'why.interface-cross-region-aws', facts: ['interface.cross-region-aws-services'] },
      {
        when: (s) => s.serviceRegionOnly && s.service !== undefined,
        note: 'why.interface-in-service-region',
        facts: ['interface.cross-region-aws-services', 'interface.outside-access'],
      },
      {
        when: (s) => s.serviceRegionOnly && s.service === undefined,
        note: 'why.interface-service-region-unknown',
        facts: ['interface.cross-region-aws-services', 'interface.outside-access'],
      },
      { when: both(is('saas'), (s) => s.crossRegion), note: 'why.privatelink-cross-region', facts: ['interface.cross-region'] },
      { when: both(is('saas'), (s) => s.udp), note: 'why.privatelink-udp', facts: ['privatelink.protocols'] },
    ],
    alsoNeeded: [
      { when: (s) => s.gatewayPlusInboundOnly, option: 'gateway-endpoint', note: 'also.gateway-for-vpc', facts: ['dns.inbound-only', 'gateway.free'] },
      {
        when: both(
          (s) => s.serviceRegionOnly,
          (s) => !peeringCompanionIsTgw(s),
        ),
        option: 'vpc-peering',
        note: 'also.peering-to-service-region',
        facts: ['interface.cross-region-aws-services', 'interface.outside-access', 'peering.cross-region'],
      },
      {
        when: peeringCompanionIsTgw,
        option: 'transit-gateway',
        note: 'also.tgw-to-service-region',
        facts: ['interface.cross-region-aws-services', 'interface.outside-access', 'tgw.regional'],
      },
      {
        when: both(is('saas'), (s) => s.twoWay),
        option: 'endpoint-service',
        note: 'also.reverse-endpoint-service',
        facts: ['privatelink.pair', 'privatelink.one-way'],
      },
    ],
    caveats: [
      { when: is('saas'), note: 'caveat.privatelink-protocols', facts: ['privatelink.protocols'] },
      { when: (s) => s.target !== 'saas', note: 'caveat.sg-aws-api', facts: ['interface.security-group'] },
      { when: is('saas'), note: 'caveat.sg-listener-ports', facts: ['interface.security-group'] },
      { when: (s) => s.target !== 'saas', note: 'caveat.private-dns-attributes', facts: ['dns.vpc-attributes', 'dns.one-per-vpc'] },
      { when: is('saas'), note: 'caveat.endpoint-service-dns', facts: ['dns.endpoint-service-names'] },
      { when: (s) => s.gatewayPlusInboundOnly, note: 'caveat.inbound-only-gateway', facts: ['dns.inbound-only'] },
      { when: (s) => s.gatewayPlusInboundOnly, note: 'caveat.gateway-routes', facts: ['gateway.nacl-sg'] },
      { when: (s) => s.onprem, note: 'caveat.onprem-dns', facts: ['dns.on-premises'] },
      { when: (s) => s.serviceRegionOnly, note: 'caveat.peered-dns', facts: ['dns.peered-vpc'] },
      { when: peeringCompanionIsTgw, note: 'caveat.tgw-regional', facts: ['tgw.regional'] },
      { when: (s) => s.crossRegionListed || s.serviceRegionOnly, note: 'caveat.cross-region-service-list', facts: ['interface.cross-region-aws-services'] },
      { when: both(is('saas'), (s) => s.crossRegion), note: 'caveat.provider-enables-region', facts: ['interface.cross-region'] },
      { when: (s) => s.globalService, note: 'caveat.global-name', facts: ['dns.global-names'] },
      { when: is('saas'), note: 'caveat.acceptance', facts: ['privatelink.acceptance'] },
      { when: always, note: 'caveat.one-subnet-per-az', facts: ['interface.one-subnet-per-az'] },
      { when: always, note: 'caveat.cost-per-az', facts: ['interface.cost'] },
      { when: always, note: 'caveat.interface-quota', facts: ['interface.quota'] },
      { when: (s) => s.answers.ipv6 === 'yes', note: 'caveat.ipv6-interface', facts: ['interface.ipv6'] },
    ],
    changed: [
      { when: (s) => s.onprem || s.serviceRegionOnly, facts: ['interface.outside-access'] },
      { when: (s) => s.gatewayService, facts: ['interface.s3-dynamodb'] },
      { when: (s) => s.gatewayPlusInboundOnly, facts: ['dns.inbound-only'] },
      { when: (s) => s.crossRegionListed || s.serviceRegionOnly, facts: ['interface.cross-region-aws-services'] },
      { when: both(is('saas'), (s) => s.crossRegion), facts: ['interface.cross-region'] },
      { when: both(is('saas'), (s) => s.udp), facts: ['privatelink.protocols'] },
      { when: (s) => s.answers.ipv6 === 'yes', facts: ['interface.ipv6'] },
    ],
    nextSteps: interfaceSteps,
  },
  {
    id: 'endpoint-service',
    ruledOutBy: [
      { when: is('aws-service', 'saas'), note: 'ruled.endpoint-service-not-yours', facts: ['privatelink.saas', 'interface.services'] },
      { when: is('whole-vpc'), note: 'ruled.privatelink-one-service', facts: ['privatelink.one-way'] },
      { when: (s) => s.anyProtocol, note: 'ruled.privatelink-no-icmp', facts: ['privatelink.protocols'] },
    ],
    score: (s) => (s.target === 'resource' || s.twoWay ? 2.5 : 3),
    reasons: [
      { when: (s) => s.target !== 'resource', note: 'why.endpoint-service-own', facts: ['privatelink.nlb', 'privatelink.one-way'] },
      { when: is('resource'), note: 'why.endpoint-service-resource', facts: ['privatelink.nlb'] },
      { when: (s) => s.overlap, note: 'why.privatelink-overlap', facts: ['peering.overlap'] },
      { when: (s) => s.onprem, note: 'why.interface-onprem', facts: ['interface.outside-access', 'peering.no-transit'] },
      { when: (s) => s.crossRegion, note: 'why.privatelink-cross-region', facts: ['interface.cross-region'] },
      { when: (s) => s.udp, note: 'why.privatelink-udp', facts: ['privatelink.protocols'] },
      { when: (s) => s.manyVpcs, note: 'why.privatelink-many-consumers', facts: ['peering.quota', 'interface.quota'] },
    ],
    alsoNeeded: [
      { when: (s) => s.twoWay, option: 'endpoint-service', note: 'also.reverse-endpoint-service', facts: ['privatelink.pair', 'privatelink.one-way'] },
    ],
    caveats: [
      { when: always, note: 'caveat.privatelink-protocols', facts: ['privatelink.protocols'] },
      { when: always, note: 'caveat.sg-listener-ports', facts: ['interface.security-group'] },
      { when: always, note: 'caveat.endpoint-service-dns', facts: ['dns.endpoint-service-names'] },
      { when: (s) => s.onprem, note: 'caveat.onprem-dns', facts: ['dns.on-premises'] },
      { when: (s) => s.crossRegion, note: 'caveat.provider-enables-region', facts: ['interface.cross-region'] },
      { when: always, note: 'caveat.acceptance', facts: ['privatelink.acceptance'] },
      { when: always, note: 'caveat.one-subnet-per-az', facts: ['interface.one-subnet-per-az'] },
      { when: always, note: 'caveat.cost-per-az', facts: ['interface.cost'] },
      { when: always, note: 'caveat.interface-quota', facts: ['interface.quota'] },
      { when: (s) => s.answers.ipv6 === 'yes', note: 'caveat.ipv6-interface', facts: ['interface.ipv6'] },
    ],
    changed: [
      { when: (s) => s.onprem, facts: ['interface.outside-access'] },
      { when: (s) => s.crossRegion, facts: ['interface.cross-region'] },
      { when: (s) => s.udp, facts: ['privatelink.protocols'] },
      { when: (s) => s.answers.ipv6 === 'yes', facts: ['interface.ipv6'] },
      { when: is('resource'), facts: ['lattice.resource-endpoint'] },
    ],
    nextSteps: (s) => [
      { id: 'next.publish-service', command: publishCommand(s) },
      { id: 'next.create-saas', command: consumerCreate(s) },
      ...(s.twoWay ? [{ id: 'next.publish-reverse' as const, command: publishCommand(s) }] : []),
    ],
  },
  {
    id: 'vpc-peering',
    ruledOutBy: [
      { when: is('aws-service'), note: 'ruled.peering-aws-api', facts: ['interface.services'] },
      { when: is('saas'), note: 'ruled.peering-saas', facts: ['privatelink.saas'] },
      { when: (s) => s.overlap, note: 'ruled.peering-overlap', facts: ['peering.overlap'] },
      { when: (s) => s.onprem, note: 'ruled.peering-no-transit', facts: ['peering.no-transit'] },
      { when: both(is('whole-vpc'), (s) => s.beyondPeeringQuota), note: 'ruled.peering-quota', facts: ['peering.quota', 'tgw.mesh-math'] },
      { when: (s) => s.target !== 'whole-vpc' && s.beyondPeeringQuota, note: 'ruled.peering-quota-consumers', facts: ['peering.quota'] },
    ],
    score: (s) => {
      if (s.manyVpcs) return 1;
      if (s.target === 'whole-vpc') return 4;
      return s.twoWay || s.anyProtocol ? 3.5 : 2;
    },
    reasons: [
      { when: is('whole-vpc'), note: 'why.peering-whole-vpc', facts: ['peering.whole-vpc'] },
      { when: (s) => s.twoWay, note: 'why.peering-two-way', facts: ['peering.whole-vpc', 'privatelink.one-way'] },
      { when: (s) => s.anyProtocol, note: 'why.peering-any-protocol', facts: ['peering.whole-vpc', 'privatelink.protocols'] },
      { when: (s) => s.crossRegion, note: 'why.peering-cross-region', facts: ['peering.cross-region'] },
      { when: (s) => !s.manyVpcs, note: 'why.peering-few-vpcs', facts: ['peering.cost'] },
    ],
    alsoNeeded: [],
    caveats: [
      { when: always, note: 'caveat.peering-no-transit', facts: ['peering.no-transit'] },
      { when: always, note: 'caveat.peering-quota', facts: ['peering.quota'] },
      { when: always, note: 'caveat.peering-cost', facts: ['peering.cost'] },
      { when: (s) => s.answers.overlap !== 'no', note: 'caveat.check-overlap', facts: ['peering.overlap', 'tgw.overlap'] },
    ],
    changed: [],
    nextSteps: (s) => [{ id: 'next.peering', command: peeringCommand(s.crossRegion) }],
  },
  {
    id: 'transit-gateway',
    ruledOutBy: [
      { when: is('aws-service', 'saas'), note: 'ruled.tgw-not-a-service-path', facts: ['tgw.hub', 'interface.outside-access'] },
      { when: (s) => s.overlap && s.twoWay, note: 'ruled.tgw-overlap-two-way', facts: ['tgw.overlap', 'nat.private-overlap'] },
    ],
    score: (s) => {
      const hub = s.manyVpcs || s.onprem;
      if (s.overlap) return s.target === 'whole-vpc' ? 3 : 1;
      if (s.target === 'whole-vpc') return hub ? 5 : 1.5;
      if (hub) return s.twoWay ? 3.6 : 2.4;
      return 1.5;
    },
    reasons: [
      { when: (s) => s.manyVpcs, note: 'why.tgw-many-vpcs', facts: ['tgw.mesh-math', 'tgw.hub'] },
      { when: (s) => s.onprem, note: 'why.tgw-onprem', facts: ['tgw.hub', 'peering.no-transit'] },
      { when: (s) => s.overlap, note: 'why.tgw-private-nat', facts: ['nat.private-overlap', 'tgw.overlap'] },
    ],
    alsoNeeded: [],
    caveats: [
      { when: (s) => s.overlap, note: 'caveat.private-nat-one-way', facts: ['nat.private-overlap'] },
      { when: (s) => s.overlap, note: 'caveat.or-readdress', facts: ['peering.overlap', 'tgw.overlap'] },
      { when: (s) => !s.overlap, note: 'caveat.check-overlap', facts: ['peering.overlap', 'tgw.overlap'] },
      { when: (s) => s.crossRegion, note: 'caveat.tgw-regional', facts: ['tgw.regional'] },
    ],
    changed: [],
    nextSteps: (s) => [
      {
        id: 'next.tgw',
        command:
          'aws ec2 create-transit-gateway --description hub && aws ec2 create-transit-gateway-vpc-attachment --transit-gateway-id tgw-… --vpc-id vpc-… --subnet-ids subnet-…',
      },
      ...(s.overlap ? [{ id: 'next.private-nat' as const, command: 'aws ec2 create-nat-gateway --connectivity-type private --subnet-id subnet-…' }] : []),
      ...(s.crossRegion ? [{ id: 'next.tgw-peering' as const, command: TGW_PEERING }] : []),
    ],
  },
  {
    id: 'vpc-lattice',
    ruledOutBy: [
      { when: is('aws-service'), note: 'ruled.lattice-aws-api', facts: ['interface.services'] },
      { when: is('saas'), note: 'ruled.lattice-saas', facts: ['privatelink.saas'] },
      { when: is('whole-vpc'), note: 'ruled.lattice-not-whole-vpc', facts: ['lattice.service-network'] },
      { when: (s) => s.udp || s.anyProtocol, note: 'ruled.lattice-protocols', facts: ['lattice.protocols'] },
    ],
    // Across regions VPC Lattice is not confirmed either way: it stays open, ranked below every other option.
    score: (s) => (s.crossRegion ? 0.5 : s.target === 'resource' ? 4 : 2),
    reasons: [
      { when: is('resource'), note: 'why.lattice-resource', facts: ['lattice.resource-endpoint'] },
      { when: (s) => s.target !== 'resource', note: 'why.lattice-service-network', facts: ['lattice.service-network'] },
      { when: (s) => s.overlap, note: 'why.lattice-overlap', facts: ['lattice.service-network'] },
      { when: (s) => s.onprem, note: 'why.lattice-onprem', facts: ['lattice.service-network'] },
    ],
    alsoNeeded: [],
    caveats: [
      { when: always, note: 'caveat.lattice-protocols', facts: ['lattice.protocols'] },
      { when: (s) => s.onprem || s.crossRegion, note: 'caveat.lattice-endpoint', facts: ['lattice.service-network'] },
      { when: (s) => s.crossRegion, note: 'caveat.lattice-cross-region', facts: [] },
      { when: always, note: 'caveat.lattice-quota', facts: ['lattice.quota'] },
    ],
    changed: [{ when: is('resource'), facts: ['lattice.resource-endpoint'] }],
    nextSteps: (s) =>
      s.target === 'resource'
        ? [
            {
              id: 'next.lattice-resource-gateway',
              command: 'aws vpc-lattice create-resource-gateway --name … --vpc-identifier vpc-… --subnet-ids subnet-… --security-group-ids sg-…',
            },
            {
              id: 'next.lattice-resource-configuration',
              command:
                'aws vpc-lattice create-resource-configuration --name … --type SINGLE --resource-gateway-identifier rgw-… --port-ranges <port> --resource-configuration-definition …',
            },
            {
              id: 'next.lattice-resource-endpoint',
              command:
                'aws ec2 create-vpc-endpoint --vpc-endpoint-type Resource --vpc-id vpc-… --subnet-ids subnet-… --resource-configuration-arn arn:aws:vpc-lattice:…',
            },
          ]
        : [
            { id: 'next.lattice-service-network', command: 'aws vpc-lattice create-service-network --name …' },
            {
              id: 'next.lattice-associate',
              command:
                'aws ec2 create-vpc-endpoint --vpc-endpoint-type ServiceNetwork --vpc-id vpc-… --subnet-ids subnet-… --service-network-arn arn:aws:vpc-lattice:…',
            },
          ],
  },
  {
    id: 'centralized-endpoints',
    ruledOutBy: [
      { when: (s) => s.target !== undefined && s.target !== 'aws-service', note: 'ruled.central-aws-only', facts: ['central.endpoints'] },
      { when: (s) => !s.manyVpcs, note: 'ruled.central-few-vpcs', facts: ['central.endpoints', 'interface.cost'] },
      { when: (s) => s.gatewayService && !s.onprem && !s.crossRegion, note: 'ruled.central-gateway-service', facts: ['central.endpoints', 'gateway.free'] },
    ],
    // Beside a free gateway endpoint, or across regions (where the endpoint lives in the service's region), the
    // endpoint per VPC stays first; otherwise the break-even in costs.ts decides.
    score: (s) => (s.gatewayService || s.crossRegion ? 2 : s.centralizePays ? 3.5 : 2.5),
    reasons: [
      { when: always, note: 'why.central-many-vpcs', facts: ['central.endpoints', 'interface.cost'] },
      { when: (s) => s.centralizePays, note: 'why.central-pays-off', facts: ['interface.cost', 'tgw.data-processing'] },
    ],
    alsoNeeded: [],
    caveats: [
      { when: always, note: 'caveat.central-dns', facts: ['central.endpoints', 'dns.route53-profiles'] },
      { when: always, note: 'caveat.central-resolver', facts: ['central.resolver'] },
      { when: always, note: 'caveat.central-tgw-data', facts: ['tgw.data-processing'] },
      { when: (s) => !s.centralizePays, note: 'caveat.central-past-break-even', facts: ['interface.cost', 'tgw.data-processing'] },
      { when: always, note: 'caveat.central-hop', facts: ['tgw.hub', 'peering.no-transit'] },
      { when: always, note: 'caveat.central-sg', facts: ['interface.security-group'] },
      { when: (s) => s.onprem, note: 'caveat.onprem-dns', facts: ['dns.on-premises'] },
      { when: (s) => s.crossRegionListed || s.serviceRegionOnly, note: 'caveat.cross-region-service-list', facts: ['interface.cross-region-aws-services'] },
      { when: always, note: 'caveat.interface-quota', facts: ['interface.quota'] },
    ],
    changed: [],
    nextSteps: (s) => {
      const name = serviceArg(s);
      return [
        { id: 'next.central-create', command: `/privatelink create ${name} vpc=vpc-<hub> subnets=subnet-…,subnet-… sg=sg-… private-dns=off` },
        {
          id: 'next.central-zone',
          command: `aws route53 create-hosted-zone --name <private-dns-name> --vpc VPCRegion=<region>,VPCId=vpc-<hub> --caller-reference … && aws route53 change-resource-record-sets --hosted-zone-id Z… --change-batch <alias <private-dns-name> → the endpoint's regional DNS name>`,
        },
        {
          id: 'next.central-profile',
          command:
            'aws route53profiles associate-resource-to-profile --profile-id rp-… --resource-arn arn:aws:route53:::hostedzone/Z… --name … && aws route53profiles associate-profile --profile-id rp-… --resource-id vpc-<spoke> --name …',
        },
      ];
    },
  },
];

export const OPTION_IDS: readonly OptionId[] = OPTIONS.map((o) => o.id);

const TGW_PEERING =
  'aws ec2 create-transit-gateway-peering-attachment --transit-gateway-id tgw-… --peer-transit-gateway-id tgw-… --peer-region <other-region> --peer-account-id …';

function gatewayCommand(s: Situation): string {
  return `aws ec2 create-vpc-endpoint --vpc-endpoint-type Gateway --vpc-id vpc-… --service-name com.amazonaws.<region>.${s.service ?? 's3'} --route-table-ids rtb-…`;
}

function peeringCommand(crossRegion: boolean): string {
  return `aws ec2 create-vpc-peering-connection --vpc-id vpc-… --peer-vpc-id vpc-… [--peer-owner-id …]${crossRegion ? ' --peer-region <other-region>' : ''}`;
}

function publishCommand(s: Situation): string {
  const regions = s.crossRegion ? ' --supported-regions <consumer-region>' : '';
  return `aws ec2 create-vpc-endpoint-service-configuration --network-load-balancer-arns arn:aws:elasticloadbalancing:… --acceptance-required${regions}`;
}

/** The consumer's create line for an endpoint service (yours or a partner's): no private DNS name, its listener ports. */
function consumerCreate(s: Situation): string {
  const serviceRegion = s.crossRegion ? ' service-region=<provider-region>' : '';
  return `/privatelink create com.amazonaws.vpce.<region>.vpce-svc-… ${VPC} private-dns=off ports=<listener-ports>${serviceRegion}`;
}

function interfaceSteps(s: Situation): NextStep[] {
  if (s.target === 'saas') {
    const steps: NextStep[] = [{ id: 'next.create-saas', command: consumerCreate(s) }];
    if (s.twoWay) steps.push({ id: 'next.publish-reverse', command: publishCommand(s) });
    return steps;
  }
  const name = serviceArg(s);
  if (s.gatewayPlusInboundOnly) {
    return [
      { id: 'next.gateway-first', command: gatewayCommand(s) },
      { id: 'next.create-inbound-only', command: `/privatelink create ${name} ${VPC} private-dns=inbound-only` },
    ];
  }
  if (s.crossRegionListed) {
    return [{ id: 'next.create-cross-region', command: `/privatelink create ${name} ${VPC} private-dns=off service-region=<service-region>` }];
  }
  if (s.serviceRegionOnly) {
    return [
      { id: 'next.create-in-service-region', command: `/privatelink create ${name} region=<service-region> ${VPC} private-dns=on` },
      peeringCompanionIsTgw(s)
        ? { id: 'next.tgw-peering', command: TGW_PEERING }
        : {
            id: 'next.peering-to-service-region',
            command: 'aws ec2 create-vpc-peering-connection --vpc-id vpc-… --peer-vpc-id vpc-… --peer-region <service-region>',
          },
    ];
  }
  return [
    { id: 'next.services', command: s.service ? `/privatelink services ${s.service}` : '/privatelink services <text>' },
    { id: 'next.create', command: `/privatelink create ${name} ${VPC} private-dns=on` },
  ];
}

/** When nothing fits: what still can be done, by why nothing fits. */
const ALTERNATIVES: readonly Rule[] = [
  { when: (s) => s.overlap, note: 'alt.private-nat-tgw', facts: ['nat.private-overlap', 'tgw.overlap'] },
  {
    when: (s) => s.twoWay && !s.anyProtocol && s.target !== 'aws-service',
    note: 'alt.endpoint-service-pair',
    facts: ['privatelink.pair', 'privatelink.protocols'],
  },
  {
    when: (s) => !s.udp && !s.anyProtocol && s.target !== 'saas' && s.target !== 'aws-service',
    note: 'alt.lattice',
    facts: ['lattice.service-network', 'lattice.protocols'],
  },
  { when: both(is('saas'), (s) => s.anyProtocol), note: 'alt.provider-network', facts: ['privatelink.protocols', 'peering.whole-vpc'] },
  { when: (s) => s.anyProtocol, note: 'alt.tcp-udp-only', facts: ['privatelink.protocols'] },
  { when: (s) => s.overlap, note: 'alt.readdress', facts: ['peering.overlap', 'tgw.overlap'] },
];

function spec(id: OptionId): OptionSpec {
  return OPTIONS.find((o) => o.id === id)!;
}

const notes = (rules: readonly Rule[], s: Situation): Note[] => rules.filter((r) => r.when(s)).map((r) => ({ id: r.note, facts: r.facts }));

function companions(option: OptionId | null, s: Situation): AlsoNeeded[] {
  if (!option) return [];
  return spec(option)
    .alsoNeeded.filter((c) => c.when(s))
    .map((c) => ({ option: c.option, id: c.note, facts: c.facts }));
}

interface Pick {
  recommendation: OptionId | null;
  ranked: OptionId[];
  ruledOut: RuledOut[];
  alsoNeeded: AlsoNeeded[];
}

function pick(a: Answers): Pick {
  const s = situation(a);
  const ruledOut: RuledOut[] = [];
  const viable: OptionSpec[] = [];
  for (const option of OPTIONS) {
    const rule = option.ruledOutBy.find((r) => r.when(s));
    if (rule) ruledOut.push({ option: option.id, id: rule.note, facts: rule.facts });
    else viable.push(option);
  }
  // The target decides what kind of thing is reached: without it, no option can be recommended.
  if (s.target === undefined) return { recommendation: null, ranked: [], ruledOut, alsoNeeded: [] };
  const ranked = viable
    .map((option, index) => ({ id: option.id, index, score: option.score(s) }))
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .map((x) => x.id);
  const recommendation = ranked[0] ?? null;
  const alsoNeeded = companions(recommendation, s);
  // A companion is part of the answer, not an option ruled out or ranked below it.
  const companionIds = new Set(alsoNeeded.map((c) => c.option).filter((id) => id !== recommendation));
  return {
    recommendation,
    ranked: ranked.filter((id) => !companionIds.has(id)),
    ruledOut: ruledOut.filter((r) => !companionIds.has(r.option)),
    alsoNeeded,
  };
}

/** The 2018 corrections that bear on this answer: only facts whose 2018 value and change date are known. */
function changedSince2018(option: OptionId | null, s: Situation): string[] {
  if (!option) return [];
  const ids = spec(option)
    .changed.filter((c) => c.when(s))
    .flatMap((c) => c.facts);
  return [...new Set(ids)].filter((id) => {
    const f = fact(id);
    return f.was2018 !== undefined && f.changed !== undefined;
  });
}

function nothingFitsSteps(s: Situation): NextStep[] {
  const steps: NextStep[] = [];
  if (s.overlap) {
    steps.push({ id: 'next.private-nat', command: 'aws ec2 create-nat-gateway --connectivity-type private --subnet-id subnet-…' });
    steps.push({ id: 'next.readdress', command: `/privatelink compare ${encodeAnswers({ ...s.answers, overlap: 'no' })}` });
  }
  if (s.anyProtocol) steps.push({ id: 'next.narrow-protocol', command: `/privatelink compare ${encodeAnswers({ ...s.answers, protocol: 'udp' })}` });
  return steps;
}

const sameOptions = (x: OptionId[], y: OptionId[]) => x.length === y.length && x.every((id, i) => id === y[i]);

/** Unanswered questions whose answer would change the recommendation or its companions, with what they would become. */
function openQuestions(a: Answers, current: Pick): OpenQuestion[] {
  const open: OpenQuestion[] = [];
  const currentAlso = current.alsoNeeded.map((c) => c.option);
  for (const q of QUESTIONS) {
    if (a[q.key] !== undefined || !q.appliesTo(a)) continue;
    const changesTo: OpenQuestion['changesTo'] = [];
    for (const value of q.choices) {
      const alt = pick({ ...a, [q.key]: q.key === 'vpcs' ? Number(value) : value });
      const also = alt.alsoNeeded.map((c) => c.option);
      if (alt.recommendation === current.recommendation && sameOptions(also, currentAlso)) continue;
      changesTo.push({ value, recommendation: alt.recommendation, ...(also.length > 0 && { alsoNeeded: also }) });
    }
    if (changesTo.length > 0) open.push({ key: q.key, changesTo });
  }
  return open;
}

export function decide(answers: Answers): Decision {
  const s = situation(answers);
  const picked = pick(answers);
  const { recommendation, ranked, ruledOut, alsoNeeded } = picked;
  const option = recommendation ? spec(recommendation) : undefined;
  const nothingFits = recommendation === null && s.target !== undefined;
  const reasons = option ? notes(option.reasons, s) : [];
  if (option && ranked.length === 1 && ruledOut.length > 0) reasons.push({ id: 'why.only-option-left', facts: [] });
  return {
    recommendation,
    ranked,
    ruledOut,
    alsoNeeded,
    reasons,
    caveats: option ? notes(option.caveats, s) : [],
    changedSince2018: changedSince2018(recommendation, s),
    nextSteps: option ? option.nextSteps(s) : nothingFits ? nothingFitsSteps(s) : [],
    alternatives: nothingFits ? notes(ALTERNATIVES, s) : [],
    openQuestions: openQuestions(answers, picked),
    factsAsOf: FACTS_AS_OF,
    costs: costsOf(answers, [...ranked.slice(0, 1), ...alsoNeeded.map((c) => c.option), ...ranked.slice(1)]),
  };
}

/**
 * The walkthrough's next question: the first one (in order) that applies, is unanswered and could still change
 * the answer. undefined means the result can be shown.
 */
export function nextQuestion(answers: Answers): QuestionKey | undefined {
  if (answers.target === undefined) return 'target';
  const open = new Set(openQuestions(answers, pick(answers)).map((q) => q.key));
  return QUESTIONS.find((q) => open.has(q.key) && question(q.key).appliesTo(answers))?.key;
}
