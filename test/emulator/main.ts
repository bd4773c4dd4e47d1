/**
 * `npm run emulator`: the EC2 emulator on a fixed loopback port, for local runs of the bot and the CLI.
 * EMULATOR_PORT (4599), AWS_REGION, and EMULATOR_ENDPOINTS to start with that many available endpoints.
 */
import { seedState, startEc2Emulator } from './ec2-emulator.js';

const port = Number(process.env.EMULATOR_PORT ?? 4599);
const state = seedState(process.env.AWS_REGION ?? 'ap-northeast-1');
for (let i = 0; i < Number(process.env.EMULATOR_ENDPOINTS ?? 0); i++) {
  state.endpoints.push({
    id: `vpce-${i.toString(16).padStart(17, '0')}`,
    service: `com.amazonaws.${state.region}.kinesis-streams`,
    vpcId: 'vpc-0a1b2c3d',
    state: 'available',
    describesUntilReady: 0,
  });
}
startEc2Emulator(state, port).then((emulator) => {
  process.stdout.write(`EC2 emulator on ${emulator.url}\n  export AWS_ENDPOINT_URL_EC2=${emulator.url} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local\n`);
});
