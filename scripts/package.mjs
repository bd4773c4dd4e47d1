// `npm run package`: builds the deployable artifacts offline (no AWS credentials) with serverless + esbuild,
// then checks that each function's zip holds its bundled handler and nothing else.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
    entries.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), size: zip.readUInt32LE(offset + 24) });
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
  console.log(`${fine ? 'ok  ' : 'FAIL'} ${artifact}: ${(bytes / 1e6).toFixed(2)} MB zipped; ${entries.map((e) => `${e.name} ${(e.size / 1e6).toFixed(2)} MB`).join(', ')}`);
}
if (!ok) {
  console.error('An artifact holds something other than its bundled handler: check custom.esbuild and package in serverless.yml.');
  process.exit(1);
}
