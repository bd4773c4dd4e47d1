// `npm run package`: builds the deployable artifacts offline (no AWS credentials) with serverless + esbuild,
// then checks that each function's zip holds its bundled handler and nothing else.
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const expected = {
  'slack.zip': ['src/handler.js'],
  'worker.zip': ['src/worker-handler.js'],
};

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
for (const [artifact, files] of Object.entries(expected)) {
  const { entries, bytes } = zipEntries(`.serverless/${artifact}`);
  const names = entries.map((e) => e.name).sort();
  const fine = JSON.stringify(names) === JSON.stringify([...files].sort());
  ok &&= fine;
  console.log(
    `${fine ? 'ok  ' : 'FAIL'} ${artifact}: ${(bytes / 1e6).toFixed(2)} MB zipped; ${entries.map((e) => `${e.name} ${(e.size / 1e6).toFixed(2)} MB`).join(', ')}`,
  );
}
if (!ok) {
  console.error('An artifact holds something other than its bundled handler: check custom.esbuild and package in serverless.yml.');
  process.exit(1);
}

// Smoke test: the packaged Slack handler, as Lambda would load it, answers a signed /privatelink help.
const dir = mkdtempSync(path.join(tmpdir(), 'privatelink-package-'));
const handlerFile = path.join(dir, 'handler.js');
writeFileSync(handlerFile, zipEntries('.serverless/slack.zip').entries[0].content());
Object.assign(process.env, {
  SLACK_SIGNING_SECRET: 'smoke',
  SLACK_BOT_TOKEN: 'xoxb-smoke',
  WORKER_FUNCTION_NAME: 'smoke',
  REQUESTS_TABLE: 'smoke',
  LOG_LEVEL: 'error',
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
