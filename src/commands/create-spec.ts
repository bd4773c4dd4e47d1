/** The fields of a create request, validated the same way whether typed as text or entered in the modal. */
import { KNOWN_REGIONS } from '../decision/facts.js';

export type IpAddressType = 'ipv4' | 'dualstack' | 'ipv6';

export interface CreateSpec {
  /** As typed: a short name (`kinesis-streams`) or a full service name. */
  service: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  privateDns: boolean;
  ipAddressType?: IpAddressType;
  region?: string;
  reason?: string;
}

export type CreateField = 'service' | 'vpc' | 'subnets' | 'sg' | 'private-dns' | 'ip' | 'region' | 'reason';
export const CREATE_FIELDS: readonly CreateField[] = ['service', 'vpc', 'subnets', 'sg', 'private-dns', 'ip', 'region', 'reason'];

export type FieldError =
  | { code: 'required' }
  | { code: 'badId'; value: string; prefix: string }
  | { code: 'duplicateId'; value: string }
  | { code: 'badChoice'; value: string; allowed: string[] }
  | { code: 'badRegion'; value: string }
  | { code: 'badServiceName'; value: string }
  | { code: 'tooLong'; max: number };

export const ID_PATTERNS = {
  vpce: /^vpce-[0-9a-f]{8}([0-9a-f]{9})?$/,
  vpc: /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/,
  subnet: /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/,
  sg: /^sg-[0-9a-f]{8}([0-9a-f]{9})?$/,
} as const;

const SERVICE_NAME = /^(com\.amazonaws\.(vpce\.)?[a-z0-9-]+\.[a-z0-9.-]+|aws\.[a-z0-9.-]+|[a-z0-9][a-z0-9.-]{0,80})$/;
export const MAX_REASON = 500;
export const MAX_SUBNETS = 16;

export function isKnownRegion(region: string): boolean {
  return KNOWN_REGIONS.has(region);
}

function idList(raw: string, prefix: keyof typeof ID_PATTERNS): string[] | FieldError {
  const ids = raw.split(/[\s,]+/).filter(Boolean).map((s) => s.toLowerCase());
  for (const [i, id] of ids.entries()) {
    if (!ID_PATTERNS[prefix].test(id)) return { code: 'badId', value: id, prefix: `${prefix}-` };
    if (ids.indexOf(id) !== i) return { code: 'duplicateId', value: id };
  }
  return ids;
}

/**
 * Validates raw field values (absent or empty means not given). Returns the spec or every field's error,
 * so a modal can show all of them at once.
 */
export function validateCreate(fields: Partial<Record<CreateField, string>>): { spec: CreateSpec } | { errors: Partial<Record<CreateField, FieldError>> } {
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

  let privateDns = true;
  const dnsRaw = given('private-dns')?.toLowerCase();
  if (dnsRaw !== undefined) {
    if (dnsRaw === 'on' || dnsRaw === 'off') privateDns = dnsRaw === 'on';
    else errors['private-dns'] = { code: 'badChoice', value: dnsRaw, allowed: ['on', 'off'] };
  }

  let ipAddressType: IpAddressType | undefined;
  const ipRaw = given('ip')?.toLowerCase();
  if (ipRaw !== undefined) {
    if (ipRaw === 'ipv4' || ipRaw === 'dualstack' || ipRaw === 'ipv6') ipAddressType = ipRaw;
    else errors.ip = { code: 'badChoice', value: ipRaw, allowed: ['ipv4', 'dualstack', 'ipv6'] };
  }

  const region = given('region')?.toLowerCase();
  if (region !== undefined && !isKnownRegion(region)) errors.region = { code: 'badRegion', value: region };

  const reason = given('reason');
  if (reason !== undefined && reason.length > MAX_REASON) errors.reason = { code: 'tooLong', max: MAX_REASON };

  if (Object.keys(errors).length > 0 || !service || !vpcId) return { errors };
  return {
    spec: {
      service,
      vpcId,
      subnetIds,
      securityGroupIds,
      privateDns,
      ...(ipAddressType && { ipAddressType }),
      ...(region && { region }),
      ...(reason && { reason }),
    },
  };
}
