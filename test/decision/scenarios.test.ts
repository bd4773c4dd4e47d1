/**
 * The compare scenario table: for each set of answers, the recommendation, the exact set of options ruled out and
 * the companions the answer needs (alsoNeeded). Cases marked (issue 11) pin answers that were wrong before.
 */
import { describe, expect, it } from 'vitest';
import { OPTION_IDS, decide, type Decision, type NoteId } from '../../src/decision/engine.js';
import type { OptionId } from '../../src/decision/options.js';
import type { Answers } from '../../src/decision/questions.js';

/** Every option, in the engine's order (engine.test.ts pins that list). */
const ALL: OptionId[] = [...OPTION_IDS];

interface Scenario {
  name: string;
  answers: Answers;
  recommendation: OptionId | null;
  ruledOut: OptionId[];
  alsoNeeded: OptionId[];
  /** Further checks on the decision, for what the scenario is about. */
  check?: (d: Decision) => void;
}

const ids = (notes: { id: NoteId }[]) => notes.map((n) => n.id);
const commands = (d: Decision) => d.nextSteps.map((s) => s.command);
const ruledNote = (d: Decision, option: OptionId) => d.ruledOut.find((r) => r.option === option)?.id;

const scenarios: Scenario[] = [
  // The article's use cases
  {
    name: 'own service, overlapping CIDRs → endpoint service; peering impossible',
    answers: { target: 'own-service', overlap: 'yes' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-peering', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(ids(d.reasons)).toContain('why.privatelink-overlap'),
  },
  {
    name: 'own service from on-premises over Direct Connect → endpoint service, not peering',
    answers: { target: 'own-service', onprem: 'yes', overlap: 'no', vpcs: 2 },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-peering', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(d.changedSince2018).toEqual(['interface.outside-access']),
  },
  {
    name: 'Marketplace SaaS → interface endpoint',
    answers: { target: 'saas' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'S3 from inside the VPC → gateway endpoint (free)',
    answers: { target: 'aws-service', service: 's3', onprem: 'no', 'cross-region': 'no' },
    recommendation: 'gateway-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(d.changedSince2018).toEqual(['interface.s3-dynamodb']);
      expect(commands(d)).toEqual([
        'aws ec2 create-vpc-endpoint --vpc-endpoint-type Gateway --vpc-id vpc-… --service-name com.amazonaws.<region>.s3 --route-table-ids rtb-…',
      ]);
    },
  },
  {
    name: 'DynamoDB in the same VPC → gateway endpoint',
    answers: { target: 'aws-service', service: 'dynamodb' },
    recommendation: 'gateway-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'Kinesis from a private subnet → interface endpoint; no gateway endpoint for Kinesis',
    answers: { target: 'aws-service', service: 'kinesis-streams' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(commands(d)).toEqual([
        '/privatelink services kinesis-streams',
        '/privatelink create kinesis-streams vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=on',
      ]);
      // (issue 11) only the 2018 changes bearing on this answer: none (no quota, policy, bandwidth or tags lines)
      expect(d.changedSince2018).toEqual([]);
      expect(ids(d.caveats)).toContain('caveat.sg-aws-api');
    },
  },
  {
    name: 'an AWS service not named yet → interface endpoint, gateway still possible',
    answers: { target: 'aws-service' },
    recommendation: 'interface-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(d.ranked).toEqual(['interface-endpoint', 'gateway-endpoint']),
  },
  {
    name: 'two VPCs, two-way, any protocol → peering',
    answers: { target: 'whole-vpc', direction: 'both', protocol: 'any', overlap: 'no', vpcs: 2 },
    recommendation: 'vpc-peering',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'two VPCs, whole-VPC reach → peering',
    answers: { target: 'whole-vpc', vpcs: 2, overlap: 'no' },
    recommendation: 'vpc-peering',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'own service, provider also opens connections → peering; a pair of endpoint services stays possible',
    answers: { target: 'own-service', direction: 'both', overlap: 'no' },
    recommendation: 'vpc-peering',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(d.ranked).toContain('endpoint-service'),
  },
  {
    name: '(issue 11) own service over UDP → endpoint service (NLB UDP listeners)',
    answers: { target: 'own-service', protocol: 'udp', overlap: 'no' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(ids(d.reasons)).toContain('why.privatelink-udp');
      expect(d.changedSince2018).toEqual(['privatelink.protocols']);
    },
  },
  {
    name: 'own service needing ICMP → peering',
    answers: { target: 'own-service', protocol: 'any', overlap: 'no' },
    recommendation: 'vpc-peering',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(ruledNote(d, 'endpoint-service')).toBe('ruled.privatelink-no-icmp'),
  },
  {
    name: 'own service needing ICMP from on-premises → Transit Gateway',
    answers: { target: 'own-service', protocol: 'any', onprem: 'yes', overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-peering', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'own service, two-way, 40 VPCs → Transit Gateway',
    answers: { target: 'own-service', direction: 'both', vpcs: 40, overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'cross-region own service → endpoint service (PrivateLink is cross-region since 2024-11)',
    answers: { target: 'own-service', 'cross-region': 'yes' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(d.changedSince2018).toEqual(['interface.cross-region']);
      expect(ids(d.caveats)).toContain('caveat.provider-enables-region');
      expect(commands(d).some((c) => c.startsWith('/privatelink create') && c.includes(' service-region='))).toBe(true);
    },
  },
  {
    name: '(issue 11) own service: caveats name its listener ports, create line has private-dns=off',
    answers: { target: 'own-service', overlap: 'no' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(ids(d.caveats)).toEqual(expect.arrayContaining(['caveat.sg-listener-ports', 'caveat.endpoint-service-dns', 'caveat.privatelink-protocols']));
      expect(ids(d.caveats)).not.toContain('caveat.sg-aws-api');
      expect(commands(d)).toContain(
        '/privatelink create com.amazonaws.vpce.<region>.vpce-svc-… vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=off ports=<listener-ports>',
      );
    },
  },
  {
    name: "(issue 11) 3,000 consumers of one service: peering out for the provider VPC's quota, not as a mesh",
    answers: { target: 'own-service', vpcs: 3000 },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-peering', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(ruledNote(d, 'vpc-peering')).toBe('ruled.peering-quota-consumers');
      expect(ids(d.reasons)).toContain('why.privatelink-many-consumers');
    },
  },
  {
    name: '100 consumers of one service: peering is within the quota (99 peerings), just ranked low',
    answers: { target: 'own-service', vpcs: 100 },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'S3 in another region → cross-region interface endpoint (S3 is on the list)',
    answers: { target: 'aws-service', service: 's3', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(ruledNote(d, 'gateway-endpoint')).toBe('ruled.gateway-same-region');
      expect(d.changedSince2018).toEqual(['interface.s3-dynamodb', 'interface.cross-region-aws-services']);
      expect(commands(d)).toEqual(['/privatelink create s3 vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=off service-region=<service-region>']);
    },
  },
  {
    name: '(issue 11) Kinesis in another region → endpoint in its region + inter-region peering',
    answers: { target: 'aws-service', service: 'kinesis-streams', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: ['vpc-peering'],
    check: (d) => {
      expect(ids(d.reasons)).toContain('why.interface-in-service-region');
      expect(ids(d.reasons)).not.toContain('why.interface-cross-region-aws');
      expect(ids(d.caveats)).toEqual(expect.arrayContaining(['caveat.peered-dns', 'caveat.cross-region-service-list']));
      expect(commands(d)).toEqual([
        '/privatelink create kinesis-streams region=<service-region> vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=on',
        'aws ec2 create-vpc-peering-connection --vpc-id vpc-… --peer-vpc-id vpc-… --peer-region <service-region>',
      ]);
      expect(commands(d).some((c) => c.includes('service-region='))).toBe(false);
    },
  },
  {
    name: '(issue 11) DynamoDB in another region → endpoint in its region + peering (not on the cross-region list)',
    answers: { target: 'aws-service', service: 'dynamodb', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: ['vpc-peering'],
  },
  {
    name: '(issue 11) Kinesis in another region, from on-premises too → endpoint there + TGW peering, TGW is regional',
    answers: { target: 'aws-service', service: 'kinesis-streams', 'cross-region': 'yes', onprem: 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: ['transit-gateway'],
    check: (d) => expect(ids(d.caveats)).toContain('caveat.tgw-regional'),
  },
  {
    name: 'Lambda in another region → cross-region interface endpoint',
    answers: { target: 'aws-service', service: 'lambda', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: '(issue 11) another AWS service, other region: not known to be on the list → endpoint in its region + peering',
    answers: { target: 'aws-service', service: 'other', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: ['vpc-peering'],
    check: (d) => {
      expect(commands(d).join('\n')).not.toContain('kinesis');
      expect(ids(d.reasons)).toContain('why.interface-service-region-unknown');
    },
  },
  {
    name: '(issue 11) service "other" never suggests create kinesis-streams',
    answers: { target: 'aws-service', service: 'other' },
    recommendation: 'interface-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(commands(d).join('\n')).not.toContain('kinesis');
      expect(commands(d)).toContain('/privatelink create <service> vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=on');
    },
  },
  {
    name: '(issue 11) IAM: the create line names the global service com.amazonaws.iam',
    answers: { target: 'aws-service', service: 'iam' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(commands(d)).toContain('/privatelink create com.amazonaws.iam vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=on');
      expect(ids(d.caveats)).toContain('caveat.global-name');
    },
  },
  {
    name: '(issue 11) Route 53 from another region: on the list, global name',
    answers: { target: 'aws-service', service: 'route53', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) =>
      expect(commands(d)).toEqual([
        '/privatelink create com.amazonaws.route53 vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=off service-region=<service-region>',
      ]),
  },
  {
    name: '(issue 11) S3 from the VPC and on-premises → interface endpoint with inbound-only DNS + gateway endpoint',
    answers: { target: 'aws-service', service: 's3', onprem: 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: ['gateway-endpoint'],
    check: (d) => {
      expect(commands(d)).toEqual([
        'aws ec2 create-vpc-endpoint --vpc-endpoint-type Gateway --vpc-id vpc-… --service-name com.amazonaws.<region>.s3 --route-table-ids rtb-…',
        '/privatelink create s3 vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=inbound-only',
      ]);
      expect(commands(d).join('\n')).not.toContain('private-dns=on');
      expect(ids(d.caveats)).toEqual(expect.arrayContaining(['caveat.inbound-only-gateway', 'caveat.onprem-dns']));
      expect(d.changedSince2018).toEqual(['interface.outside-access', 'interface.s3-dynamodb', 'dns.inbound-only']);
    },
  },
  {
    name: 'DynamoDB from the VPC and on-premises → the same pair',
    answers: { target: 'aws-service', service: 'dynamodb', onprem: 'yes', 'cross-region': 'no' },
    recommendation: 'interface-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: ['gateway-endpoint'],
    check: (d) => expect(commands(d)[1]).toBe('/privatelink create dynamodb vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=inbound-only'),
  },
  {
    name: 'S3 in another region from on-premises → cross-region interface endpoint, no gateway companion',
    answers: { target: 'aws-service', service: 's3', onprem: 'yes', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'IPv6 SaaS → interface endpoint, IPv6 noted as changed since 2018',
    answers: { target: 'saas', ipv6: 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(d.changedSince2018).toEqual(['interface.ipv6']),
  },
  {
    name: '(issue 11) SaaS over UDP → interface endpoint, no invented overlap',
    answers: { target: 'saas', protocol: 'udp' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(ids(d.reasons)).toContain('why.privatelink-udp');
      expect(ids(d.caveats)).toContain('caveat.sg-listener-ports');
      expect(JSON.stringify(d)).not.toMatch(/readdress|overlap=no/);
    },
  },
  {
    name: '(issue 11) SaaS, both sides open connections → interface endpoint + your endpoint service the other way',
    answers: { target: 'saas', direction: 'both' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: ['endpoint-service'],
    check: (d) => {
      expect(d.alsoNeeded[0]!.id).toBe('also.reverse-endpoint-service');
      expect(ids(d.nextSteps)).toEqual(['next.create-saas', 'next.publish-reverse']);
      expect(JSON.stringify(d)).not.toMatch(/readdress|overlap=no/);
    },
  },
  {
    name: 'SaaS needing ICMP → nothing fits; ask the provider or narrow to TCP/UDP, no re-addressing',
    answers: { target: 'saas', protocol: 'any' },
    recommendation: null,
    ruledOut: ALL,
    alsoNeeded: [],
    check: (d) => {
      expect(ids(d.alternatives)).toEqual(['alt.provider-network', 'alt.tcp-udp-only']);
      expect(commands(d)).toEqual(['/privatelink compare target=saas protocol=udp']);
    },
  },
  {
    name: 'SaaS in another region → interface endpoint with service-region; the provider enables your region',
    answers: { target: 'saas', 'cross-region': 'yes' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(commands(d)).toEqual([
        '/privatelink create com.amazonaws.vpce.<region>.vpce-svc-… vpc=vpc-… subnets=subnet-…,subnet-… sg=sg-… private-dns=off ports=<listener-ports> service-region=<provider-region>',
      ]);
      expect(d.changedSince2018).toEqual(['interface.cross-region']);
    },
  },
  {
    name: 'many VPCs all-to-all → Transit Gateway',
    answers: { target: 'whole-vpc', vpcs: 40, overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'a mesh of 200 VPCs → peering ruled out by the per-VPC quota',
    answers: { target: 'whole-vpc', vpcs: 200, overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-peering', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(ruledNote(d, 'vpc-peering')).toBe('ruled.peering-quota'),
  },
  {
    name: 'a mesh of 126 VPCs: 125 peerings each, still within the hard limit',
    answers: { target: 'whole-vpc', vpcs: 126, overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'a mesh of 127 VPCs: 126 peerings each, beyond the hard limit',
    answers: { target: 'whole-vpc', vpcs: 127, overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-peering', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'whole VPC from on-premises → Transit Gateway (peering has no edge-to-edge routing)',
    answers: { target: 'whole-vpc', onprem: 'yes', overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-peering', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: '(issue 11) whole VPCs across regions via Transit Gateway → "TGW is regional" caveat and TGW peering',
    answers: { target: 'whole-vpc', vpcs: 5, 'cross-region': 'yes', overlap: 'no' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(ids(d.caveats)).toContain('caveat.tgw-regional');
      expect(ids(d.nextSteps)).toContain('next.tgw-peering');
    },
  },
  {
    name: '(issue 11) whole VPC with overlapping CIDRs → Transit Gateway with a private NAT gateway, or re-address',
    answers: { target: 'whole-vpc', overlap: 'yes' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-peering', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(ids(d.reasons)).toContain('why.tgw-private-nat');
      expect(ids(d.caveats)).toEqual(expect.arrayContaining(['caveat.private-nat-one-way', 'caveat.or-readdress']));
      expect(commands(d)).toContain('aws ec2 create-nat-gateway --connectivity-type private --subnet-id subnet-…');
      expect(ruledNote(d, 'endpoint-service')).toBe('ruled.privatelink-one-service');
    },
  },
  {
    name: 'whole VPC, overlap, UDP → a private NAT gateway carries UDP too',
    answers: { target: 'whole-vpc', overlap: 'yes', protocol: 'udp' },
    recommendation: 'transit-gateway',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'endpoint-service', 'vpc-peering', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: '(issue 11) whole VPC, overlap, two-way → nothing fits; the real alternatives, not only re-addressing',
    answers: { target: 'whole-vpc', overlap: 'yes', direction: 'both' },
    recommendation: null,
    ruledOut: ALL,
    alsoNeeded: [],
    check: (d) => {
      expect(ids(d.alternatives)).toEqual(['alt.private-nat-tgw', 'alt.endpoint-service-pair', 'alt.lattice', 'alt.readdress']);
      expect(commands(d)).toEqual([
        'aws ec2 create-nat-gateway --connectivity-type private --subnet-id subnet-…',
        '/privatelink compare target=whole-vpc overlap=no direction=both',
      ]);
    },
  },
  {
    name: '(issue 11) own service, overlap, two-way → a pair of endpoint services',
    answers: { target: 'own-service', overlap: 'yes', direction: 'both' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-peering', 'transit-gateway', 'centralized-endpoints'],
    alsoNeeded: ['endpoint-service'],
    check: (d) => {
      expect(ruledNote(d, 'transit-gateway')).toBe('ruled.tgw-overlap-two-way');
      expect(ids(d.nextSteps)).toEqual(['next.publish-service', 'next.create-saas', 'next.publish-reverse']);
    },
  },
  {
    name: 'own service, overlap, two-way, ICMP → nothing fits; alternatives match why',
    answers: { target: 'own-service', overlap: 'yes', direction: 'both', protocol: 'any' },
    recommendation: null,
    ruledOut: ALL,
    alsoNeeded: [],
    check: (d) => expect(ids(d.alternatives)).toEqual(['alt.private-nat-tgw', 'alt.tcp-udp-only', 'alt.readdress']),
  },
  {
    name: 'one database (resource) → VPC Lattice resource endpoint, no NLB',
    answers: { target: 'resource' },
    recommendation: 'vpc-lattice',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(ids(d.reasons)).toContain('why.lattice-resource');
      expect(d.changedSince2018).toEqual(['lattice.resource-endpoint']);
      expect(ids(d.nextSteps)).toEqual(['next.lattice-resource-gateway', 'next.lattice-resource-configuration', 'next.lattice-resource-endpoint']);
    },
  },
  {
    name: 'a resource over UDP → endpoint service (an NLB in front); Lattice carries no UDP',
    answers: { target: 'resource', protocol: 'udp', overlap: 'no' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'a resource in an overlapping VPC → VPC Lattice (overlap does not matter)',
    answers: { target: 'resource', overlap: 'yes' },
    recommendation: 'vpc-lattice',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-peering', 'centralized-endpoints'],
    alsoNeeded: [],
  },
  {
    name: 'a resource from on-premises → VPC Lattice through a resource endpoint',
    answers: { target: 'resource', onprem: 'yes' },
    recommendation: 'vpc-lattice',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'vpc-peering', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(ids(d.caveats)).toContain('caveat.lattice-endpoint'),
  },
  // Estates: an AWS service used from many VPCs
  {
    name: 'Kinesis from 50 VPCs → centralized endpoints in a shared-services VPC, priced against one endpoint per VPC',
    answers: { target: 'aws-service', service: 'kinesis-streams', vpcs: 50 },
    recommendation: 'centralized-endpoints',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice'],
    alsoNeeded: [],
    check: (d) => {
      expect(d.ranked).toEqual(['centralized-endpoints', 'interface-endpoint']);
      expect(ids(d.reasons)).toEqual(['why.central-many-vpcs', 'why.central-pays-off']);
      expect(ids(d.caveats)).toEqual(
        expect.arrayContaining(['caveat.central-dns', 'caveat.central-resolver', 'caveat.central-tgw-data', 'caveat.central-hop', 'caveat.central-sg']),
      );
      expect(ids(d.caveats)).not.toContain('caveat.central-past-break-even');
      expect(d.reasons.flatMap((r) => r.facts)).toContain('central.endpoints');
      expect(ids(d.caveats.filter((c) => c.facts.includes('dns.route53-profiles')))).toEqual(['caveat.central-dns']);
      // 49 endpoints saved × 2 AZs × 730 h × $0.01 = $715.40; ÷ $0.02 per Transit Gateway GB = 35,770 GB.
      expect(d.costs.breakEvens).toContainEqual({ kind: 'centralize', endpoints: 50, azs: 2, saved: 715.4, tgwGb: 0.02, gb: 35770, currency: 'USD' });
      const central = d.costs.options.find((o) => o.option === 'centralized-endpoints');
      const perVpc = d.costs.options.find((o) => o.option === 'interface-endpoint');
      expect(central?.notes).toEqual(['central-tgw-attached']);
      expect(central && perVpc && central.monthly < perVpc.monthly).toBe(true);
      expect(commands(d)[0]).toBe('/privatelink create kinesis-streams vpc=vpc-<hub> subnets=subnet-…,subnet-… sg=sg-… private-dns=off');
      expect(ids(d.nextSteps)).toEqual(['next.central-create', 'next.central-zone', 'next.central-profile']);
    },
  },
  {
    name: 'Kinesis from 50 VPCs past the break-even → an endpoint per VPC, centralized ranked below it',
    answers: { target: 'aws-service', service: 'kinesis-streams', vpcs: 50, gb: 40000 },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice'],
    alsoNeeded: [],
    check: (d) => expect(d.ranked).toEqual(['interface-endpoint', 'centralized-endpoints']),
  },
  {
    name: 'Kinesis from 2 VPCs → an endpoint in each; centralizing ruled out as not worth it',
    answers: { target: 'aws-service', service: 'kinesis-streams', vpcs: 2 },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(ruledNote(d, 'centralized-endpoints')).toBe('ruled.central-few-vpcs'),
  },
  {
    name: 'S3 from 50 VPCs → a gateway endpoint in each (free); nothing to centralize',
    answers: { target: 'aws-service', service: 's3', vpcs: 50, onprem: 'no', 'cross-region': 'no' },
    recommendation: 'gateway-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(ruledNote(d, 'centralized-endpoints')).toBe('ruled.central-gateway-service'),
  },
  {
    name: 'S3 Express One Zone → its own gateway endpoint (s3express)',
    answers: { target: 'aws-service', service: 's3express', onprem: 'no', 'cross-region': 'no' },
    recommendation: 'gateway-endpoint',
    ruledOut: ['endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) =>
      expect(commands(d)).toEqual([
        'aws ec2 create-vpc-endpoint --vpc-endpoint-type Gateway --vpc-id vpc-… --service-name com.amazonaws.<region>.s3express --route-table-ids rtb-…',
      ]),
  },
  {
    name: 'an AWS service with the VPC count unanswered → asks it, as 3 or more would centralize',
    answers: { target: 'aws-service', service: 'kinesis-streams', onprem: 'no', 'cross-region': 'no' },
    recommendation: 'interface-endpoint',
    ruledOut: ['gateway-endpoint', 'endpoint-service', 'vpc-peering', 'transit-gateway', 'vpc-lattice', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) =>
      expect(d.openQuestions.find((q) => q.key === 'vpcs')?.changesTo).toEqual([
        { value: '3', recommendation: 'centralized-endpoints' },
        { value: '11', recommendation: 'centralized-endpoints' },
      ]),
  },
  // VPC Lattice across regions is not confirmed: a caveat, never the reason it wins
  {
    name: 'a resource across regions → endpoint service; VPC Lattice stays open, last, with its caveat',
    answers: { target: 'resource', 'cross-region': 'yes', overlap: 'no' },
    recommendation: 'endpoint-service',
    ruledOut: ['gateway-endpoint', 'interface-endpoint', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => expect(d.ranked.at(-1)).toBe('vpc-lattice'),
  },
  {
    name: '(issue 11) overlap=yes with no target → no recommendation, target reported as the open question',
    answers: { overlap: 'yes' },
    recommendation: null,
    ruledOut: ['vpc-peering', 'centralized-endpoints'],
    alsoNeeded: [],
    check: (d) => {
      expect(d.ranked).toEqual([]);
      expect(d.reasons).toEqual([]);
      expect(d.nextSteps).toEqual([]);
      expect(d.alternatives).toEqual([]);
      expect(d.openQuestions[0]).toEqual({
        key: 'target',
        changesTo: [
          { value: 'aws-service', recommendation: 'interface-endpoint' },
          { value: 'own-service', recommendation: 'endpoint-service' },
          { value: 'saas', recommendation: 'interface-endpoint' },
          { value: 'whole-vpc', recommendation: 'transit-gateway' },
          { value: 'resource', recommendation: 'vpc-lattice' },
        ],
      });
    },
  },
];

describe('compare scenario table', () => {
  it('has at least 40 cases', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  it.each(scenarios)('$name', ({ answers, recommendation, ruledOut, alsoNeeded, check }) => {
    const decision = decide(answers);

    expect(decision.recommendation).toBe(recommendation);
    expect(decision.ruledOut.map((r) => r.option).sort()).toEqual([...ruledOut].sort());
    expect(decision.alsoNeeded.map((c) => c.option)).toEqual(alsoNeeded);
    if (recommendation) expect(decision.ranked[0]).toBe(recommendation);
    // Every option is either ranked, ruled out or a companion of the answer, never two of these.
    const companions = decision.alsoNeeded.map((c) => c.option).filter((o) => o !== recommendation);
    if (answers.target !== undefined) expect([...decision.ranked, ...ruledOut, ...companions].sort()).toEqual([...ALL].sort());
    check?.(decision);
  });
});

/** The create grammar of product.md: keys a `/privatelink create` line may carry, and the DNS modes. */
const CREATE_KEYS = new Set(['vpc', 'subnets', 'sg', 'private-dns', 'ip', 'ports', 'region', 'service-region', 'account', 'reason']);

describe('suggested create lines', () => {
  it('use only the create grammar (known keys, each once, private-dns on|off|inbound-only)', () => {
    const lines = scenarios.flatMap((s) => commands(decide(s.answers))).filter((c) => c.startsWith('/privatelink create '));
    expect(lines.length).toBeGreaterThan(15);
    for (const line of lines) {
      const [, , service, ...options] = line.split(' ');
      expect(service, line).toMatch(/^(<service>|[a-z0-9][a-z0-9.-]*(<region>[a-z0-9.-]*…)?)$/);
      const keys = options.map((o) => o.split('=')[0]!);
      for (const key of keys) expect(CREATE_KEYS.has(key), `${key} in ${line}`).toBe(true);
      expect(new Set(keys).size, line).toBe(keys.length);
      expect(keys, line).toEqual(expect.arrayContaining(['vpc', 'subnets']));
      const dns = options.find((o) => o.startsWith('private-dns='));
      if (dns) expect(['private-dns=on', 'private-dns=off', 'private-dns=inbound-only'], line).toContain(dns);
    }
  });

  it('offer private-dns=inbound-only only beside a gateway endpoint step', () => {
    for (const { answers } of scenarios) {
      const d = decide(answers);
      if (commands(d).some((c) => c.includes('private-dns=inbound-only'))) {
        expect(ids(d.nextSteps)[0]).toBe('next.gateway-first');
        expect(d.alsoNeeded.map((c) => c.option)).toContain('gateway-endpoint');
      }
    }
  });

  it('never say "TCP 443" for an endpoint service or a SaaS', async () => {
    const { en } = await import('../../src/messages.js');
    for (const answers of [
      { target: 'saas' },
      { target: 'own-service' },
      { target: 'saas', protocol: 'udp' },
      { target: 'resource', protocol: 'udp' },
    ] as Answers[]) {
      for (const caveat of decide(answers).caveats) expect(en.notes[caveat.id], caveat.id).not.toContain('443');
    }
  });
});
