/** `npm run emulator`: the EC2 emulator on a fixed loopback port, for local runs of the bot and the CLI. */
import { seedState, startEc2Emulator } from './ec2-emulator.js';

const port = Number(process.env.EMULATOR_PORT ?? 4599);
startEc2Emulator(seedState(process.env.AWS_REGION ?? 'ap-northeast-1'), port).then((emulator) => {
  process.stdout.write(`EC2 emulator on ${emulator.url}\n  export AWS_ENDPOINT_URL_EC2=${emulator.url} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local\n`);
});
