/**
 * Many accounts (issue 17): one endpoint id searched across 50 accounts × 4 regions, every EC2 call answering after
 * 200 ms, STS answered at once. One loopback server plays STS and every account's EC2 (the account read from the
 * access key AssumeRole issued, the region from the signature's scope), with the EC2 emulator's XML. The bot's
 * own code runs: parse, the credential cache over STS AssumeRole, the EC2 adapter per account, the fan-out.
 *
 * Runs in `npm run bench` (BENCH_ONLY=estate for this part alone) or by itself: `npx tsx bench/estate.ts`.
 * ESTATE_ACCOUNTS, ESTATE_REGIONS and ESTATE_DELAY_MS change the shape.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { credentialCache, stsAssumeRole } from '../src/accounts/credentials.js';
import { estateEc2 } from '../src/accounts/estate.js';
import { estateAccess, parseAccounts } from '../src/accounts/model.js';
import { FAN_OUT_CONCURRENCY } from '../src/accounts/search.js';
import { parseCommand } from '../src/commands/parse.js';
import { SLACK_BUDGET } from '../src/deadline.js';
import { createEc2Adapter } from '../src/endpoints/ec2.js';
import { type LookupCommand, type LookupResult, runLookup } from '../src/endpoints/lookups.js';
import { type EmulatorState, handleEc2Request, seedState } from '../test/emulator/ec2-emulator.js';

const ACCOUNTS = Number(process.env.ESTATE_ACCOUNTS ?? 50);
const REGIONS = ['ap-northeast-1', 'us-east-1', 'eu-west-1', 'us-west-2'].slice(0, Number(process.env.ESTATE_REGIONS ?? 4));
const DELAY_MS = Number(process.env.ESTATE_DELAY_MS ?? 200);
const TARGET = 'vpce-0e57a7e0123456789';
/** The endpoint lives late in the search order (account 37 of 50, last region), so stopping early saves little. */
const TARGET_ACCOUNT = Math.min(ACCOUNTS - 1, 37);
const TARGET_REGION = REGIONS[REGIONS.length - 1]!;

const accountId = (n: number) => String(100000000000 + n);
const aliasOf = (n: number) => `acct-${String(n).padStart(3, '0')}`;

interface Counts {
  sts: number;
  ec2: Record<string, number>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS and the EC2 of every account and region, on one loopback port; GET /counts says what it was asked. */
async function estateServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const counts: Counts = { sts: 0, ec2: {} };
  let inFlight = 0;
  const states = new Map<string, EmulatorState>();
  const stateOf = (account: string, region: string): EmulatorState => {
    const key = `${account}/${region}`;
    let state = states.get(key);
    if (!state) {
      state = { ...seedState(region), pendingDescribes: 0 };
      if (account === accountId(TARGET_ACCOUNT) && region === TARGET_REGION) {
        state.endpoints.push({ id: TARGET, service: `com.amazonaws.${region}.kinesis-streams`, describesUntilReady: 0 });
      }
      states.set(key, state);
    }
    return state;
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...counts, inFlight }));
      return;
    }
    readBody(req).then(
      (body) => {
        const params = Object.fromEntries(new URLSearchParams(body));
        if (params.Action === 'AssumeRole') {
          counts.sts++;
          const account = /^arn:aws:iam::(\d{12}):role\//.exec(params.RoleArn ?? '')?.[1] ?? '000000000000';
          const expiration = new Date(Date.now() + 3600_000).toISOString();
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.end(
            `<AssumeRoleResponse xmlns="${STS_XMLNS}"><AssumeRoleResult><Credentials><AccessKeyId>ASIA${account}</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>${expiration}</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>`,
          );
          return;
        }
        const scope = /Credential=([^/]+)\/\d+\/([a-z0-9-]+)\/ec2\//.exec(String(req.headers.authorization ?? ''));
        const key = scope?.[1] ?? '';
        const account = key.startsWith('ASIA') ? key.slice(4) : 'home';
        const region = scope?.[2] ?? 'ap-northeast-1';
        counts.ec2[params.Action ?? '?'] = (counts.ec2[params.Action ?? '?'] ?? 0) + 1;
        inFlight++;
        setTimeout(() => {
          inFlight--;
          const [status, xml] = handleEc2Request(stateOf(account, region), params);
          res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
          res.end(xml);
        }, DELAY_MS);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function estateFor(url: string) {
  const members = Array.from({ length: ACCOUNTS - 1 }, (_, i) => `${aliasOf(i + 1)}=arn:aws:iam::${accountId(i + 1)}:role/privatelink-bot`);
  const accounts = parseAccounts(members.join(','));
  const clientConfig = { endpoint: url, credentials: { accessKeyId: 'AKIDHOME', secretAccessKey: 'x' } };
  const credentials = credentialCache({ assumeRole: stsAssumeRole({ region: 'ap-northeast-1', clientConfig }) });
  const ec2For = estateEc2({
    home: createEc2Adapter({ clientConfig }),
    accounts,
    credentials,
    adapter: (o) => createEc2Adapter({ clientConfig: { ...o.clientConfig, endpoint: url } }),
  });
  return estateAccess(ec2For, accounts, 'U0BENCH');
}

function command(text: string): LookupCommand {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.command as LookupCommand;
}

/** The server in its own process, so that its work is not counted as the bot's. */
async function serverProcess(): Promise<{ url: string; counts: () => Promise<Counts & { inFlight: number }>; close: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--serve'], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => child.stdout.setEncoding('utf8').once('data', (d: string) => resolve(d.trim())));
  return {
    url,
    counts: async () => (await fetch(`${url}/counts`)).json() as Promise<Counts & { inFlight: number }>,
    close: () => child.kill(),
  };
}

const total = (c: Counts) => Object.values(c.ec2).reduce((a, b) => a + b, 0);

/** Until the server has answered everything (calls aborted by an early stop may still be arriving). */
async function drained(server: Awaited<ReturnType<typeof serverProcess>>): Promise<Counts> {
  for (;;) {
    const before = await server.counts();
    await new Promise((r) => setTimeout(r, DELAY_MS + 100));
    const after = await server.counts();
    if (after.inFlight === 0 && total(after) === total(before)) return after;
  }
}

export async function estateBench(): Promise<void> {
  console.log(
    `\nMany accounts: ${ACCOUNTS} accounts × ${REGIONS.length} regions, every EC2 call answering after ${DELAY_MS} ms, STS at once (loopback); inline budget ${SLACK_BUDGET.inlineWork} ms`,
  );
  console.log(
    `${''.padEnd(30)}${'bound'.padStart(6)}${'wall ms'.padStart(9)}${'cpu ms'.padStart(8)}${'EC2 calls'.padStart(11)}${'STS calls'.padStart(11)}${'failed'.padStart(8)}  hit · answered`,
  );
  const policy = { defaultRegion: REGIONS[0]!, allowedRegions: REGIONS };
  for (const concurrency of [16, FAN_OUT_CONCURRENCY, 64]) {
    const server = await serverProcess();
    const estate = estateFor(server.url);
    const rows: [string, string][] = [
      ['cold credentials, one id', `dns ${TARGET} region=all`],
      ['warm credentials, one id', `dns ${TARGET} region=all`],
      ['warm, an id found nowhere', 'dns vpce-0ffffffffffffffff region=all'],
    ];
    for (const [label, text] of rows) {
      const before = await drained(server);
      const cpuBefore = process.cpuUsage();
      const t = performance.now();
      const result = await runLookup(command(text), estate, policy, undefined, { concurrency, perCallMs: 30_000 });
      const wall = performance.now() - t;
      const cpu = process.cpuUsage(cpuBefore);
      const after = await drained(server);
      const ec2 = total(after) - total(before);
      const estateResult = result as Extract<LookupResult, { kind: 'estate' }>;
      const hit = estateResult.hits?.[0];
      const where = hit ? `${hit.account}/${hit.region}` : 'none';
      const answered = wall <= SLACK_BUDGET.inlineWork ? 'in line' : 'by the worker';
      console.log(
        `${label.padEnd(30)}${String(concurrency).padStart(6)}${wall.toFixed(0).padStart(9)}${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(8)}${String(ec2).padStart(11)}${String(after.sts - before.sts).padStart(11)}${String(estateResult.failures?.length ?? '?').padStart(8)}  ${where} · ${answered}`,
      );
    }
    server.close();
  }
}

if (require.main === module && process.argv.includes('--serve')) {
  void estateServer().then((server) => console.log(server.url));
} else if (require.main === module) {
  estateBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
