/** EC2 Query/XML answers for the network reads (doctor, describe), shaped as EC2 sends them. */
const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const items = <T>(values: T[], inner: (v: T) => string) => values.map((v) => `<item>${inner(v)}</item>`).join('');
const response = (action: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${XMLNS}"><requestId>0d1e2f3a-1111-2222-3333-444455556666</requestId>${body}</${action}Response>`;

export interface XmlSubnet {
  id: string;
  vpcId: string;
  az: string;
  cidr: string;
}
export function subnetsXml(subnets: XmlSubnet[]): string {
  return response(
    'DescribeSubnets',
    `<subnetSet>${items(subnets, (s) => `<subnetId>${s.id}</subnetId><vpcId>${s.vpcId}</vpcId><availabilityZone>${s.az}</availabilityZone><cidrBlock>${s.cidr}</cidrBlock><state>available</state><ipv6CidrBlockAssociationSet/>`)}</subnetSet>`,
  );
}

export interface XmlRoute {
  destination: string;
  /** local, igw-…, nat-…, pcx-…, tgw-…, vgw-…, vpce-… */
  target: string;
  state?: string;
}
export interface XmlRouteTable {
  id: string;
  vpcId: string;
  main?: boolean;
  subnetIds: string[];
  routes: XmlRoute[];
}
function routeXml(r: XmlRoute): string {
  const dest = r.destination.startsWith('pl-')
    ? `<destinationPrefixListId>${r.destination}</destinationPrefixListId>`
    : `<destinationCidrBlock>${r.destination}</destinationCidrBlock>`;
  const t = r.target;
  const target = t.startsWith('nat-')
    ? `<natGatewayId>${t}</natGatewayId>`
    : t.startsWith('pcx-')
      ? `<vpcPeeringConnectionId>${t}</vpcPeeringConnectionId>`
      : t.startsWith('tgw-')
        ? `<transitGatewayId>${t}</transitGatewayId>`
        : `<gatewayId>${t}</gatewayId>`;
  return `${dest}${target}<state>${r.state ?? 'active'}</state><origin>CreateRoute</origin>`;
}
export function routeTablesXml(tables: XmlRouteTable[]): string {
  return response(
    'DescribeRouteTables',
    `<routeTableSet>${items(
      tables,
      (t) =>
        `<routeTableId>${t.id}</routeTableId><vpcId>${t.vpcId}</vpcId><routeSet>${items(t.routes, routeXml)}</routeSet><associationSet>${[
          ...(t.main
            ? [
                `<item><routeTableAssociationId>rtbassoc-main${t.id.slice(4)}</routeTableAssociationId><routeTableId>${t.id}</routeTableId><main>true</main></item>`,
              ]
            : []),
          ...t.subnetIds.map(
            (s) =>
              `<item><routeTableAssociationId>rtbassoc-${s.slice(7)}</routeTableAssociationId><routeTableId>${t.id}</routeTableId><subnetId>${s}</subnetId><main>false</main></item>`,
          ),
        ].join('')}</associationSet>`,
    )}</routeTableSet>`,
  );
}

export interface XmlAclEntry {
  rule: number;
  egress: boolean;
  allow: boolean;
  protocol: string;
  cidr: string;
  from?: number;
  to?: number;
}
export interface XmlAcl {
  id: string;
  vpcId: string;
  subnetIds: string[];
  entries: XmlAclEntry[];
}
export function networkAclsXml(acls: XmlAcl[]): string {
  return response(
    'DescribeNetworkAcls',
    `<networkAclSet>${items(
      acls,
      (a) =>
        `<networkAclId>${a.id}</networkAclId><vpcId>${a.vpcId}</vpcId><default>false</default><entrySet>${items(
          a.entries,
          (e) =>
            `<ruleNumber>${e.rule}</ruleNumber><protocol>${e.protocol}</protocol><ruleAction>${e.allow ? 'allow' : 'deny'}</ruleAction><egress>${e.egress}</egress><cidrBlock>${e.cidr}</cidrBlock>${e.from !== undefined ? `<portRange><from>${e.from}</from><to>${e.to ?? e.from}</to></portRange>` : ''}`,
        )}</entrySet><associationSet>${items(a.subnetIds, (s) => `<networkAclAssociationId>aclassoc-${s.slice(7)}</networkAclAssociationId><networkAclId>${a.id}</networkAclId><subnetId>${s}</subnetId>`)}</associationSet>`,
    )}</networkAclSet>`,
  );
}

export interface XmlEni {
  id: string;
  subnetId: string;
  vpcId: string;
  az: string;
  ip: string;
  groups: string[];
}
export function networkInterfacesXml(enis: XmlEni[]): string {
  return response(
    'DescribeNetworkInterfaces',
    `<networkInterfaceSet>${items(
      enis,
      (n) =>
        `<networkInterfaceId>${n.id}</networkInterfaceId><subnetId>${n.subnetId}</subnetId><vpcId>${n.vpcId}</vpcId><availabilityZone>${n.az}</availabilityZone><privateIpAddress>${n.ip}</privateIpAddress><interfaceType>vpc_endpoint</interfaceType><groupSet>${items(n.groups, (g) => `<groupId>${g}</groupId><groupName>${g}</groupName>`)}</groupSet><ipv6AddressesSet/>`,
    )}</networkInterfaceSet>`,
  );
}

export interface XmlInstance {
  id: string;
  subnetId: string;
  vpcId: string;
  az: string;
  ip: string;
  groups: string[];
}
export function instancesXml(instances: XmlInstance[]): string {
  return response(
    'DescribeInstances',
    `<reservationSet>${items(
      instances,
      (i) =>
        `<reservationId>r-0123456789abcdef0</reservationId><ownerId>123456789012</ownerId><instancesSet><item><instanceId>${i.id}</instanceId><instanceState><code>16</code><name>running</name></instanceState><placement><availabilityZone>${i.az}</availabilityZone></placement><subnetId>${i.subnetId}</subnetId><vpcId>${i.vpcId}</vpcId><privateIpAddress>${i.ip}</privateIpAddress><groupSet>${items(i.groups, (g) => `<groupId>${g}</groupId><groupName>${g}</groupName>`)}</groupSet></item></instancesSet>`,
    )}</reservationSet>`,
  );
}

export interface XmlPeering {
  id: string;
  status: string;
  requester: { vpcId: string; cidr: string; region?: string };
  accepter: { vpcId: string; cidr: string; region?: string };
}
const side = (s: XmlPeering['requester']) =>
  `<ownerId>123456789012</ownerId><vpcId>${s.vpcId}</vpcId><cidrBlock>${s.cidr}</cidrBlock><cidrBlockSet><item><cidrBlock>${s.cidr}</cidrBlock></item></cidrBlockSet><region>${s.region ?? 'ap-northeast-1'}</region>`;
export function peeringsXml(peerings: XmlPeering[]): string {
  return response(
    'DescribeVpcPeeringConnections',
    `<vpcPeeringConnectionSet>${items(peerings, (p) => `<vpcPeeringConnectionId>${p.id}</vpcPeeringConnectionId><requesterVpcInfo>${side(p.requester)}</requesterVpcInfo><accepterVpcInfo>${side(p.accepter)}</accepterVpcInfo><status><code>${p.status}</code><message>${p.status}</message></status>`)}</vpcPeeringConnectionSet>`,
  );
}

export function vpcsXml(vpcs: { id: string; cidr: string }[]): string {
  return response(
    'DescribeVpcs',
    `<vpcSet>${items(vpcs, (v) => `<vpcId>${v.id}</vpcId><state>available</state><cidrBlock>${v.cidr}</cidrBlock><cidrBlockAssociationSet><item><cidrBlock>${v.cidr}</cidrBlock><associationId>vpc-cidr-assoc-0a1b2c3d</associationId><cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet>`)}</vpcSet>`,
  );
}

export function vpcAttributeXml(vpcId: string, attribute: string, value: boolean): string {
  return response('DescribeVpcAttribute', `<vpcId>${vpcId}</vpcId><${attribute}><value>${value}</value></${attribute}>`);
}

export interface XmlRule {
  protocol: string;
  from?: number;
  to?: number;
  cidrs?: string[];
  groups?: string[];
}
export interface XmlGroup {
  id: string;
  vpcId: string;
  inbound: XmlRule[];
  outbound: XmlRule[];
}
const permissions = (rules: XmlRule[]) =>
  items(
    rules,
    (r) =>
      `<ipProtocol>${r.protocol}</ipProtocol>${r.from !== undefined ? `<fromPort>${r.from}</fromPort><toPort>${r.to ?? r.from}</toPort>` : ''}<groups>${items(r.groups ?? [], (g) => `<userId>123456789012</userId><groupId>${g}</groupId>`)}</groups><ipRanges>${items(r.cidrs ?? [], (c) => `<cidrIp>${c}</cidrIp>`)}</ipRanges><ipv6Ranges/><prefixListIds/>`,
  );
export function groupsXml(groups: XmlGroup[]): string {
  return response(
    'DescribeSecurityGroups',
    `<securityGroupInfo>${items(groups, (g) => `<ownerId>123456789012</ownerId><groupId>${g.id}</groupId><groupName>${g.id}</groupName><groupDescription>test</groupDescription><vpcId>${g.vpcId}</vpcId><ipPermissions>${permissions(g.inbound)}</ipPermissions><ipPermissionsEgress>${permissions(g.outbound)}</ipPermissionsEgress>`)}</securityGroupInfo>`,
  );
}
