/**
 * `npm run emulator`: an EC2 on a fixed loopback port for local runs of the bot and the CLI.
 *
 * moto (through test/moto/server.py, with the EC2 rules it lacks patched in) when python3 can run it, seeded
 * through the SDK with a realistic VPC and two interface endpoints; otherwise the repo's built-in emulator.
 * EMULATOR_PORT (4599), AWS_REGION (ap-northeast-1); EMULATOR=builtin forces the built-in one, and
 * EMULATOR_ENDPOINTS starts it with that many available endpoints.
 */
import { motoAvailability, motoClient, motoEnv, seedVpc, startMoto } from '../moto/moto.js';
import { seedState, startEc2Emulator } from './ec2-emulator.js';
import { silenceSdkNodeWarning } from '../../src/node-support.js';

silenceSdkNodeWarning(process.env);

const port = Number(process.env.EMULATOR_PORT ?? 4599);
const region = process.env.AWS_REGION ?? 'ap-northeast-1';
const say = (line: string) => process.stdout.write(`${line}\n`);

async function startBuiltin(): Promise<void> {
  const state = seedState(region);
  for (let i = 0; i < Number(process.env.EMULATOR_ENDPOINTS ?? 0); i++) {
    state.endpoints.push({
      id: `vpce-${i.toString(16).padStart(17, '0')}`,
      service: `com.amazonaws.${state.region}.kinesis-streams`,
      vpcId: 'vpc-0a1b2c3d',
      state: 'available',
      describesUntilReady: 0,
    });
  }
  const emulator = await startEc2Emulator(state, port);
  say(`EC2 emulator on ${emulator.url}\n  export AWS_ENDPOINT_URL_EC2=${emulator.url} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local`);
  // Its ids are fixed (seedState): the same at every start, so a note or a script can keep them.
  const vpc = Object.keys(state.vpcs)[0]!;
  say(`  VPC ${vpc} (${(state.vpcs[vpc]!.cidrs ?? []).join(', ')}), subnets ${state.subnets.map((s) => `${s.id} (${s.az})`).join(', ')}`);
  say(`  security group ${state.groups.map((g) => g.id).join(', ')}; services ${state.services.map((s) => s.name.split('.').at(-1)).join(', ')}`);
  say(
    `  try: npm run cli -- services; in Slack (npm start): /privatelink create kinesis-streams vpc=${vpc} subnets=${state.subnets[0]!.id},${state.subnets[1]!.id} sg=${state.groups[0]!.id}`,
  );
}

async function startMotoEmulator(): Promise<void> {
  const moto = await startMoto({ port });
  const stop = () => void moto.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const ec2 = await motoClient(moto.url, region);
  const { CreateVpcEndpointCommand, DescribeVpcEndpointsCommand } = await import('@aws-sdk/client-ec2');
  const vpc = await seedVpc(ec2, { cidr: '10.0.0.0/16', s3Gateway: true, name: 'demo' });
  const endpoint = async (service: string) =>
    (
      await ec2.send(
        new CreateVpcEndpointCommand({
          VpcEndpointType: 'Interface',
          VpcId: vpc.vpcId,
          ServiceName: `com.amazonaws.${region}.${service}`,
          SubnetIds: vpc.subnetIds,
          SecurityGroupIds: [vpc.sgVpc443],
          PrivateDnsEnabled: true,
          TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: `demo-${service}` }] }],
        }),
      )
    ).VpcEndpoint!.VpcEndpointId!;
  const kinesis = await endpoint('kinesis-streams');
  // S3's private DNS defaults to inbound-only, which the seeded S3 gateway endpoint makes possible.
  const s3 = await endpoint('s3');
  await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [kinesis, s3] }));
  ec2.destroy();

  const env = Object.entries(motoEnv(moto.url, region))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  say(`EC2 (moto ${moto.version}, patched by test/moto/server.py) on ${moto.url}`);
  say(`  export ${env}`);
  say(`  VPC ${vpc.vpcId} (${vpc.cidr}, DNS support and hostnames on), route table ${vpc.routeTableId}`);
  say(`  subnets ${vpc.subnetIds.map((id, i) => `${id} (${vpc.azs[i]})`).join(', ')}; second subnet in ${vpc.azs[0]}: ${vpc.sameAzSubnetId}`);
  say(`  security groups ${vpc.sgVpc443} (443 from ${vpc.cidr}), ${vpc.sgNarrow443} (443 from 10.99.99.99/32 only)`);
  say(`  endpoints ${kinesis} (kinesis-streams), ${s3} (s3, inbound-only DNS), ${vpc.s3GatewayId} (s3 gateway)`);
  say(`  try: npm run cli -- describe ${vpc.vpcId}`);
}

async function main(): Promise<void> {
  if (process.env.EMULATOR === 'builtin') return startBuiltin();
  const moto = motoAvailability();
  if (!moto.available) {
    say(`moto not available here (${moto.reason}; pip install "moto[server]"): starting the built-in EC2 emulator instead`);
    return startBuiltin();
  }
  return startMotoEmulator();
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
