/**
 * moto, the open-source AWS emulator, as an EC2 that does not share our beliefs: started through the launcher
 * (test/moto/server.py, which patches the CreateVpcEndpoint rules moto does not enforce) and seeded through the
 * real SDK with a VPC shaped like a real one.
 *
 * MOTO_PYTHON names the interpreter (default python3). When it or moto is missing, `motoAvailability()` says why
 * and the suites register nothing but one skip line in the closing summary (test/moto/global-setup.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { createEc2Adapter } from '../../src/endpoints/ec2.js';
import type { Ec2Api } from '../../src/endpoints/ec2-api.js';

export const LAUNCHER = path.join(__dirname, 'server.py');
export const MOTO_REGION = 'ap-northeast-1';
export const MOTO_CREDENTIALS = { accessKeyId: 'moto', secretAccessKey: 'moto' };
const python = () => process.env.MOTO_PYTHON || 'python3';

export type MotoAvailability = { available: true; version: string } | { available: false; reason: string };

let availability: MotoAvailability | undefined;

/** Whether python3 can run moto's server here (asked once per process). */
export function motoAvailability(): MotoAvailability {
  if (availability) return availability;
  const check = spawnSync(python(), [LAUNCHER, '--check'], { encoding: 'utf8', timeout: 60_000 });
  if (check.error) {
    availability = { available: false, reason: `${python()} not found (${(check.error as NodeJS.ErrnoException).code ?? check.error.message})` };
  } else if (check.status !== 0) {
    availability = { available: false, reason: `${python()} cannot import moto's server (${(check.stderr || check.stdout).trim().split('\n').at(-1) ?? ''})` };
  } else {
    availability = { available: true, version: (JSON.parse(check.stdout) as { moto: string }).moto };
  }
  return availability;
}

export interface MotoServer {
  url: string;
  version: string;
  /** The launcher's patches, by name. */
  patches: string[];
  stop(): Promise<void>;
}

export interface MotoOptions {
  /** The loopback port; 0 (the default) picks a free one. */
  port?: number;
  /** How many DescribeVpcEndpoints a new interface endpoint stays `pending` (launcher default 1). */
  pendingDescribes?: number;
  /** The largest DescribeVpcEndpoints page (AWS: 1000); small values make paging visible with few endpoints. */
  pageSize?: number;
  /** How long to wait for the server to say it is ready. */
  startTimeoutMs?: number;
  /** Issue 17: AssumeRole only into roles that exist in their account (and match their sts:ExternalId condition). */
  assumeRoleNeedsRole?: boolean;
}

/** Starts the launcher on an ephemeral loopback port and resolves once it is listening. */
export function startMoto(options: MotoOptions = {}): Promise<MotoServer> {
  const args = [LAUNCHER, '--port', String(options.port ?? 0), '--host', '127.0.0.1'];
  if (options.pendingDescribes !== undefined) args.push('--pending-describes', String(options.pendingDescribes));
  if (options.pageSize !== undefined) args.push('--page-size', String(options.pageSize));
  if (options.assumeRoleNeedsRole) args.push('--assume-role-needs-role');
  const child = spawn(python(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<MotoServer>((resolve, reject) => {
    let out = '';
    let ready = false;
    const fail = (why: string) => {
      if (ready) return;
      clearTimeout(timer);
      void stop();
      reject(new Error(`moto launcher: ${why}\n${stderr}`));
    };
    const timer = setTimeout(() => fail('not ready in time'), options.startTimeoutMs ?? 60_000);
    child.once('error', (e) => fail(e.message));
    child.once('exit', (code) => fail(`exited with ${code}`));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.split('\n')[0];
      if (!out.includes('\n') || line === undefined) return;
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      const started = JSON.parse(line) as { url: string; moto: string; patches: string[] };
      resolve({ url: started.url, version: started.moto, patches: started.patches, stop });
    });
  });
}

/** The environment that points the SDK (and so the bot and the CLI) at moto. */
export function motoEnv(url: string, region = MOTO_REGION): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_EC2: url,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
  };
}

/** A plain SDK client on moto, for seeding and for pinning raw EC2 behaviour. */
export async function motoClient(url: string, region = MOTO_REGION): Promise<EC2Client> {
  const { EC2Client } = await import('@aws-sdk/client-ec2');
  return new EC2Client({ region, endpoint: url, credentials: MOTO_CREDENTIALS, maxAttempts: 1 });
}

/** The project's EC2 adapter (src/endpoints/ec2.ts) on moto. */
export function motoAdapter(url: string): Ec2Api {
  return createEc2Adapter({ clientConfig: { endpoint: url, credentials: MOTO_CREDENTIALS, maxAttempts: 1 } });
}

export interface SeededVpc {
  vpcId: string;
  cidr: string;
  /** One subnet in each of three AZs, in AZ order. */
  subnetIds: string[];
  azs: string[];
  /** A second subnet in the first AZ, for the one-subnet-per-AZ rule. */
  sameAzSubnetId: string;
  /** Allows TCP 443 from the VPC's CIDR. */
  sgVpc443: string;
  /** Allows TCP 443 from 10.99.99.99/32 only. */
  sgNarrow443: string;
  routeTableId: string;
  s3GatewayId?: string;
  /** With `ipv6`: the VPC's Amazon-provided /56, an IPv6-only subnet (first AZ) and a dual-stack one (second AZ). */
  ipv6?: { cidr: string; ipv6OnlySubnetId: string; dualStackSubnetId: string };
}

export interface SeedOptions {
  cidr?: string;
  /** enableDnsSupport and enableDnsHostnames (both true unless false here). */
  dnsAttributes?: boolean;
  s3Gateway?: boolean;
  /** Adds an IPv6 block and two more subnets: one IPv6-only, one dual-stack. */
  ipv6?: boolean;
  name?: string;
}

/** A VPC as a real account has one: DNS attributes, three AZs, a route table, two security groups. */
export async function seedVpc(client: EC2Client, options: SeedOptions = {}): Promise<SeededVpc> {
  const sdk = await import('@aws-sdk/client-ec2');
  const cidr = options.cidr ?? '10.20.0.0/16';
  const [a, b] = cidr.split('.');
  const name = options.name ?? 'privatelink-bot-test';
  const tags = (type: 'vpc' | 'subnet' | 'security-group' | 'route-table' | 'vpc-endpoint', label: string) => [
    { ResourceType: type, Tags: [{ Key: 'Name', Value: `${name}-${label}` }] },
  ];
  const vpc = await client.send(new sdk.CreateVpcCommand({ CidrBlock: cidr, TagSpecifications: tags('vpc', 'vpc') }));
  const vpcId = vpc.Vpc!.VpcId!;
  const dns = options.dnsAttributes ?? true;
  await client.send(new sdk.ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: dns } }));
  await client.send(new sdk.ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: dns } }));

  const zones = await client.send(new sdk.DescribeAvailabilityZonesCommand({}));
  const azs = (zones.AvailabilityZones ?? [])
    .map((z) => z.ZoneName!)
    .sort()
    .slice(0, 3);
  const subnetIds: string[] = [];
  for (const [i, az] of azs.entries()) {
    const s = await client.send(
      new sdk.CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: `${a}.${b}.${i + 1}.0/24`,
        AvailabilityZone: az,
        TagSpecifications: tags('subnet', `private-${az}`),
      }),
    );
    subnetIds.push(s.Subnet!.SubnetId!);
  }
  const extra = await client.send(
    new sdk.CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: `${a}.${b}.11.0/24`,
      AvailabilityZone: azs[0],
      TagSpecifications: tags('subnet', `extra-${azs[0]}`),
    }),
  );

  const table = await client.send(new sdk.CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: tags('route-table', 'private') }));
  const routeTableId = table.RouteTable!.RouteTableId!;
  for (const SubnetId of subnetIds) await client.send(new sdk.AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId }));

  const group = async (label: string, from: string) => {
    const g = await client.send(
      new sdk.CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: `${name}-${label}`,
        Description: `HTTPS from ${from}`,
        TagSpecifications: tags('security-group', label),
      }),
    );
    await client.send(
      new sdk.AuthorizeSecurityGroupIngressCommand({
        GroupId: g.GroupId!,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: from }] }],
      }),
    );
    return g.GroupId!;
  };
  const sgVpc443 = await group('endpoints', cidr);
  const sgNarrow443 = await group('narrow', '10.99.99.99/32');

  const seeded: SeededVpc = { vpcId, cidr, subnetIds, azs, sameAzSubnetId: extra.Subnet!.SubnetId!, sgVpc443, sgNarrow443, routeTableId };
  if (options.s3Gateway) {
    const region = await client.config.region();
    const gw = await client.send(
      new sdk.CreateVpcEndpointCommand({
        VpcId: vpcId,
        VpcEndpointType: 'Gateway',
        ServiceName: `com.amazonaws.${region}.s3`,
        RouteTableIds: [routeTableId],
        TagSpecifications: tags('vpc-endpoint', 's3-gateway'),
      }),
    );
    seeded.s3GatewayId = gw.VpcEndpoint!.VpcEndpointId!;
  }
  if (options.ipv6) {
    const assoc = await client.send(new sdk.AssociateVpcCidrBlockCommand({ VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }));
    const block = assoc.Ipv6CidrBlockAssociation!.Ipv6CidrBlock!;
    // A /56 ends inside the fourth group: its /64s differ in that group's last two hex digits.
    const [g1, g2, g3, g4] = block.split('::')[0]!.split(':');
    const slash64 = (n: number) => `${g1}:${g2}:${g3}:${g4!.padStart(4, '0').slice(0, 2)}${n.toString(16).padStart(2, '0')}::/64`;
    const only = await client.send(
      new sdk.CreateSubnetCommand({
        VpcId: vpcId,
        Ipv6Native: true,
        Ipv6CidrBlock: slash64(1),
        AvailabilityZone: azs[0],
        TagSpecifications: tags('subnet', `ipv6-only-${azs[0]}`),
      }),
    );
    const dual = await client.send(
      new sdk.CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: `${a}.${b}.21.0/24`,
        Ipv6CidrBlock: slash64(2),
        AvailabilityZone: azs[1],
        TagSpecifications: tags('subnet', `dual-stack-${azs[1]}`),
      }),
    );
    seeded.ipv6 = { cidr: block, ipv6OnlySubnetId: only.Subnet!.SubnetId!, dualStackSubnetId: dual.Subnet!.SubnetId! };
  }
  return seeded;
}

/** One line for the closing summary: a passing check, or why the suite skipped (printed once). */
export function recordMoto(entry: { check: string } | { skipped: string }): void {
  const file = process.env.MOTO_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
}
