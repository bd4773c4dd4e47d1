/** The fields of a create request, validated the same way whether typed as text or entered in the modal. */
import { DEFAULT_PORTS, PRIVATE_DNS_MODES, type IpAddressType, type PrivateDnsMode } from '../aws/endpoint.js';
import { ALIAS_PATTERN, type Account, HOME_ACCOUNT, findAccount, suggestAlias } from '../accounts/model.js';
import { KNOWN_REGIONS } from '../aws/vocabulary.js';

export const MAX_PORTS = 16;

export interface CreateSpec {
  /** As typed: a short name (`kinesis-streams`) or a full service name. */
  service: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  privateDns: PrivateDnsMode;
  ipAddressType?: IpAddressType;
  /** The TCP ports clients use: 443 for AWS APIs, the listener ports for an endpoint service. */
  ports: number[];
  region?: string;
  /** The endpoint service lives in this other region (cross-region PrivateLink). */
  serviceRegion?: string;
  /** The configured account (ACCOUNTS alias) to create in; absent: the bot's own account, `home`. */
  account?: string;
  reason?: string;
}

export type CreateField = 'service' | 'vpc' | 'subnets' | 'sg' | 'private-dns' | 'ip' | 'ports' | 'region' | 'service-region' | 'account' | 'reason';
export const CREATE_FIELDS: readonly CreateField[] = [
  'service',
  'vpc',
  'subnets',
  'sg',
  'private-dns',
  'ip',
  'ports',
  'region',
  'service-region',
  'account',
  'reason',
];

export type FieldError =
  | { code: 'required' }
  | { code: 'badId'; value: string; prefix: string }
  | { code: 'duplicateId'; value: string }
  | { code: 'badChoice'; value: string; allowed: string[] }
  | { code: 'badRegion'; value: string }
  | { code: 'badServiceName'; value: string }
  | { code: 'tooLong'; max: number }
  | { code: 'badPort'; value: string }
  | { code: 'duplicatePort'; value: number }
  | { code: 'badAccount'; value: string }
  | { code: 'unknownAccount'; value: string; suggestion?: string };

export const ID_PATTERNS = {
  vpce: /^vpce-[0-9a-f]{8}([0-9a-f]{9})?$/,
  vpc: /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/,
  subnet: /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/,
  sg: /^sg-[0-9a-f]{8}([0-9a-f]{9})?$/,
} as const;

/**
 * The resource ids an EC2 error message names, in order, once each: EC2 names what it could not find, e.g.
 * InvalidSubnetID.NotFound: "The subnet ID 'subnet-fbf7088c' does not exist" (the error codes:
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html, read 2026-12-07; the message is
 * EC2's own text, not a documented format, so nothing is named when it names nothing).
 */
export function resourceIdsIn(text: string): string[] {
  const ids = text.match(/\b(?:vpce-svc|vpce|vpc|subnet|sg|rtb|eni|acl|pl)-[0-9a-f]{8}(?:[0-9a-f]{9})?\b/g) ?? [];
  return [...new Set(ids)];
}

const SERVICE_NAME = /^(com\.amazonaws\.(vpce\.)?[a-z0-9-]+\.[a-z0-9.-]+|aws\.[a-z0-9.-]+|[a-z0-9][a-z0-9.-]{0,80})$/;
export const MAX_REASON = 500;
export const MAX_SUBNETS = 16;

export function isKnownRegion(region: string): boolean {
  return KNOWN_REGIONS.has(region);
}

function idList(raw: string, prefix: keyof typeof ID_PATTERNS): string[] | FieldError {
  const ids = raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((s) => s.toLowerCase());
  for (const [i, id] of ids.entries()) {
    if (!ID_PATTERNS[prefix].test(id)) return { code: 'badId', value: id, prefix: `${prefix}-` };
    if (ids.indexOf(id) !== i) return { code: 'duplicateId', value: id };
  }
  return ids;
}

function portList(raw: string): number[] | FieldError {
  const words = raw.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { code: 'badPort', value: raw };
  if (words.length > MAX_PORTS) return { code: 'tooLong', max: MAX_PORTS };
  const ports: number[] = [];
  for (const word of words) {
    const port = /^\d{1,5}$/.test(word) ? Number(word) : NaN;
    if (!(port >= 1 && port <= 65535)) return { code: 'badPort', value: word };
    if (ports.includes(port)) return { code: 'duplicatePort', value: port };
    ports.push(port);
  }
  return ports;
}

export interface CreateOptions {
  /** The configured accounts (ACCOUNTS, home included); when given, an alias outside them is refused here. */
  accounts?: readonly Account[];
  /** False where reader allow-lists exist: a refusal then names no configured alias ("did you mean"). */
  suggest?: boolean;
}

/**
 * Validates raw field values (absent or empty means not given). Returns the spec or every field's error,
 * so a modal can show all of them at once.
 */
export function validateCreate(
  fields: Partial<Record<CreateField, string>>,
  options: CreateOptions = {},
): { spec: CreateSpec } | { errors: Partial<Record<CreateField, FieldError>> } {
  const errors: Partial<Record<CreateField, FieldError>> = {};
  const given = (f: CreateField) => {
    const v = fields[f]?.trim();
    return v ? v : undefined;
  };

  const service = given('service')?.toLowerCase();
  if (!service) errors.service = { code: 'required' };
  else if (!SERVICE_NAME.test(service)) errors.service = { code: 'badServiceName', value: service };

  const vpcId = given('vpc')?.toLowerCase();
  if (!vpcId) errors.vpc = { code: 'required' };
  else if (!ID_PATTERNS.vpc.test(vpcId)) errors.vpc = { code: 'badId', value: vpcId, prefix: 'vpc-' };

  let subnetIds: string[] = [];
  const subnetsRaw = given('subnets');
  if (!subnetsRaw) errors.subnets = { code: 'required' };
  else {
    const parsed = idList(subnetsRaw, 'subnet');
    if (Array.isArray(parsed)) {
      if (parsed.length > MAX_SUBNETS) errors.subnets = { code: 'tooLong', max: MAX_SUBNETS };
      else subnetIds = parsed;
    } else errors.subnets = parsed;
  }

  let securityGroupIds: string[] = [];
  const sgRaw = given('sg');
  if (sgRaw) {
    const parsed = idList(sgRaw, 'sg');
    if (Array.isArray(parsed)) securityGroupIds = parsed;
    else errors.sg = parsed;
  }

  let privateDns: PrivateDnsMode = 'on';
  const dnsRaw = given('private-dns')?.toLowerCase();
  if (dnsRaw !== undefined) {
    if ((PRIVATE_DNS_MODES as readonly string[]).includes(dnsRaw)) privateDns = dnsRaw as PrivateDnsMode;
    else errors['private-dns'] = { code: 'badChoice', value: dnsRaw, allowed: [...PRIVATE_DNS_MODES] };
  }

  let ipAddressType: IpAddressType | undefined;
  const ipRaw = given('ip')?.toLowerCase();
  if (ipRaw !== undefined) {
    if (ipRaw === 'ipv4' || ipRaw === 'dualstack' || ipRaw === 'ipv6') ipAddressType = ipRaw;
    else errors.ip = { code: 'badChoice', value: ipRaw, allowed: ['ipv4', 'dualstack', 'ipv6'] };
  }

  let ports = [...DEFAULT_PORTS];
  const portsRaw = given('ports');
  if (portsRaw !== undefined) {
    const parsed = portList(portsRaw);
    if (Array.isArray(parsed)) ports = parsed;
    else errors.ports = parsed;
  }

  const region = given('region')?.toLowerCase();
  if (region !== undefined && !isKnownRegion(region)) errors.region = { code: 'badRegion', value: region };

  const serviceRegion = given('service-region')?.toLowerCase();
  if (serviceRegion !== undefined && !isKnownRegion(serviceRegion)) errors['service-region'] = { code: 'badRegion', value: serviceRegion };

  const reason = given('reason');
  if (reason !== undefined && reason.length > MAX_REASON) errors.reason = { code: 'tooLong', max: MAX_REASON };

  let account = given('account')?.toLowerCase();
  if (account !== undefined) {
    if (!ALIAS_PATTERN.test(account)) errors.account = { code: 'badAccount', value: account };
    else if (options.accounts && !findAccount(options.accounts, account)) {
      const suggestion = options.suggest === false ? undefined : suggestAlias(account, options.accounts);
      errors.account = { code: 'unknownAccount', value: account, ...(suggestion && { suggestion }) };
    }
    if (account === HOME_ACCOUNT) account = undefined;
  }

  if (Object.keys(errors).length > 0 || !service || !vpcId) return { errors };
  return {
    spec: {
      service,
      vpcId,
      subnetIds,
      securityGroupIds,
      privateDns,
      ...(ipAddressType && { ipAddressType }),
      ports,
      ...(region && { region }),
      ...(serviceRegion && { serviceRegion }),
      ...(account && { account }),
      ...(reason && { reason }),
    },
  };
}
