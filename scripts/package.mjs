// `npm run package`: builds the deployable artifacts offline (no AWS credentials) with serverless + esbuild,
// then checks that each function's zip holds its bundled handler, the AWS SDK's files beside it (src/sdk/*.cjs,
// loaded on first use: scripts/esbuild-plugins.cjs) and nothing else.
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const expected = {
  'slack.zip': 'src/handler.js',
  'worker.zip': 'src/worker-handler.js',
  'interactive.zip': 'src/worker-handler.js',
};
/** The SDK's ES modules beside each bundle; the clients the bundles import by name must be among them. */
const SDK_FILE = /^src\/sdk\/[\w-]+\.cjs$/;
const SDK_CLIENTS = ['ec2', 'lambda', 'dynamodb', 'ssm', 'sts'];

const result = spawnSync('npx', ['serverless', 'package', '--stage', 'ci'], {
  stdio: 'inherit',
  env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', SLS_DEPRECATION_DISABLE: '*' },
});
if (result.status !== 0) process.exit(result.status ?? 1);

/** File names in a zip, read from its central directory. */
function zipEntries(path) {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const local = zip.readUInt32LE(offset + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + compressedSize);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      size: zip.readUInt32LE(offset + 24),
      content: () => (method === 8 ? inflateRawSync(raw) : raw),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, bytes: zip.length };
}

let ok = true;
for (const [artifact, handler] of Object.entries(expected)) {
  const { entries, bytes } = zipEntries(`.serverless/${artifact}`);
  const names = entries.map((e) => e.name);
  const sdk = entries.filter((e) => SDK_FILE.test(e.name));
  const fine =
    names.includes(handler) &&
    names.every((name) => name === handler || SDK_FILE.test(name)) &&
    SDK_CLIENTS.every((client) => names.includes(`src/sdk/${client}.cjs`));
  ok &&= fine;
  const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(
    `${fine ? 'ok  ' : 'FAIL'} ${artifact}: ${mb(bytes)} zipped; ${handler} ${mb(entries.find((e) => e.name === handler)?.size ?? 0)}, ${sdk.length} SDK files in src/sdk/ ${mb(sdk.reduce((n, e) => n + e.size, 0))}${fine ? '' : `; holds ${names.join(', ')}`}`,
  );
}
if (!ok) {
  console.error('An artifact holds something other than its bundled handler: check custom.esbuild and package in serverless.yml.');
  process.exit(1);
}

// Smoke test: the packaged Slack handler, as Lambda would load it, answers a signed /privatelink help, and the
// SDK files beside it load.
const dir = mkdtempSync(path.join(tmpdir(), 'privatelink-package-'));
for (const entry of zipEntries('.serverless/slack.zip').entries) {
  mkdirSync(path.dirname(path.join(dir, entry.name)), { recursive: true });
  writeFileSync(path.join(dir, entry.name), entry.content());
}
const handlerFile = path.join(dir, expected['slack.zip']);
Object.assign(process.env, {
  SLACK_SIGNING_SECRET: 'smoke',
  SLACK_BOT_TOKEN: 'xoxb-smoke',
  WORKER_FUNCTION_NAME: 'smoke',
  REQUESTS_TABLE: 'smoke',
  LOG_LEVEL: 'error',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
const body = new URLSearchParams({
  command: '/privatelink',
  text: 'help',
  user_id: 'U0SMOKE',
  response_url: 'https://hooks.slack.com/x',
  trigger_id: '1',
}).toString();
const ts = Math.floor(Date.now() / 1000);
const response = await createRequire(import.meta.url)(handlerFile).slack(
  {
    version: '2.0',
    rawPath: '/slack/events',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${createHmac('sha256', 'smoke').update(`v0:${ts}:${body}`).digest('hex')}`,
    },
    body,
    isBase64Encoded: false,
    requestContext: {},
  },
  {},
);
if (response.statusCode !== 200 || !response.body.includes('/privatelink compare')) {
  console.error(`The packaged Slack handler did not answer help: ${response.statusCode} ${response.body}`);
  process.exit(1);
}
console.log('ok   the packaged Slack handler answers a signed /privatelink help');
for (const [client, name] of [
  ['ec2', 'EC2Client'],
  ['lambda', 'LambdaClient'],
  ['dynamodb', 'DynamoDBClient'],
  ['ssm', 'SSMClient'],
  ['sts', 'STSClient'],
]) {
  const sdk = createRequire(import.meta.url)(path.join(dir, `src/sdk/${client}.cjs`));
  if (typeof sdk[name] !== 'function') {
    console.error(`The packaged src/sdk/${client}.cjs does not export ${name}`);
    process.exit(1);
  }
  new sdk[name]({ region: 'us-east-1' }).destroy();
}
console.log('ok   the packaged SDK files beside it load (EC2, Lambda, DynamoDB, SSM and STS clients)');
