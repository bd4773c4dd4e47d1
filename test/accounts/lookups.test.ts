/** Lookups across the estate: each account a fake EC2 port, so the fan-out's rules show without a network. */
import { describe, expect, it } from 'vitest';
import { type Ec2For, parseAccounts } from '../../src/accounts/model.js';
import { fanOut } from '../../src/accounts/search.js';
import { parseCommand, type Command } from '../../src/commands/parse.js';
import { createSlackHandler } from '../../src/handler.js';
import { createWorkerHandler } from '../../src/worker-handler.js';
import { Ec2Error, type Ec2Api, type Endpoint } from '../../src/endpoints/ec2-api.js';
import { type LookupCommand, type LookupResult, lookupJson, runLookup } from '../../src/endpoints/lookups.js';
import { messagesFor } from '../../src/i18n.js';
import { lookupView } from '../../src/slack/views/endpoints.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { manualClock, until } from '../helpers/clock.js';
import { TEST_CONFIG, apiGatewayV2Event, blockText, captureResponseUrl, parseAckBody, quietLogger, recordingJobs, slashCommandBody } from '../helpers/slack.js';

const REGION = 'ap-northeast-1';
const ENDPOINT = 'vpce-0123456789abcdef0';
const accounts = parseAccounts(
  ['prod=arn:aws:iam::111111111111:role/bot', 'staging=arn:aws:iam::222222222222:role/bot', 'payments=arn:aws:iam::333333333333:role/bot'].join(','),
);

function endpoint(id: string, region = REGION): Endpoint {
  return {
    id,
    type: 'Interface',
    serviceName: `com.amazonaws.${region}.kinesis-streams`,
    state: 'available',
    vpcId: 'vpc-0a1b2c3d',
    subnetIds: ['subnet-0a1b2c3d'],
    securityGroupIds: ['sg-0a1b2c3d'],
    privateDnsEnabled: true,
    dnsEntries: [{ dnsName: `${id}-abc.kinesis.${region}.vpce.amazonaws.com` }],
    tags: {},
  };
}

type Behaviour = { endpoints?: Endpoint[]; fail?: string; hang?: boolean };

/** One account's EC2: its endpoints by region, or a failure code, or no answer until the call is aborted. */
function fakeAccount(byRegion: Record<string, Behaviour>, log: string[], name: string): Ec2Api {
  const answer = async <T>(region: string, signal: AbortSignal | undefined, read: (endpoints: Endpoint[]) => T): Promise<T> => {
    log.push(`${name}/${region}`);
    const b = byRegion[region] ?? {};
    if (b.hang) {
      await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
      throw new Ec2Error('Aborted', 'aborted', 'ec2:DescribeVpcEndpoints', region);
    }
    if (b.fail) throw new Ec2Error(b.fail, `${b.fail} in ${name}`, 'ec2:DescribeVpcEndpoints', region);
    return read(b.endpoints ?? []);
  };
  const api: Partial<Ec2Api> = {
    listEndpoints: (region, filter, { signal }) =>
      answer(region, signal, (all) => {
        const endpoints = filter.ids ? all.filter((e) => filter.ids!.includes(e.id)) : all;
        if (filter.ids && endpoints.length === 0) throw new Ec2Error('InvalidVpcEndpointId.NotFound', 'not found', 'ec2:DescribeVpcEndpoints', region);
        return { endpoints, complete: true };
      }),
    describeServices: async () => [],
  };
  return new Proxy(api as Ec2Api, {
    get: (target, key) =>
      (target as unknown as Record<string | symbol, unknown>)[key] ??
      (async () => {
        throw new Ec2Error('UnauthorizedOperation', 'not in this fake', String(key), REGION);
      }),
  });
}

function estate(world: Record<string, Record<string, Behaviour>>) {
  const log: string[] = [];
  const users: (string | undefined)[] = [];
  const ports = Object.fromEntries(Object.entries(world).map(([alias, regions]) => [alias, fakeAccount(regions, log, alias)]));
  const ec2For: Ec2For = (alias, user) => {
    users.push(user);
    const port = ports[alias];
    if (!port) throw new Ec2Error('AccountNotConfigured', alias, 'sts:AssumeRole', '', alias);
    return port;
  };
  return { log, users, access: { ec2For, accounts, onBehalfOf: 'U0ALICE' } };
}

function lookup(text: string): LookupCommand {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.command as Extract<Command, LookupCommand>;
}

const policy = { defaultRegion: REGION, allowedRegions: [REGION, 'us-east-1'] };

describe('runLookup across the estate', () => {
  it('finds an endpoint in a member account without account=, labelled with its account and region', async () => {
    const { access, users } = estate({ home: {}, prod: {}, staging: { [REGION]: { endpoints: [endpoint(ENDPOINT)] } }, payments: {} });
    const result = await runLookup(lookup(`dns ${ENDPOINT}`), access, policy);
    expect(result).toMatchObject({ kind: 'estate', accounts: ['home', 'prod', 'staging', 'payments'], regions: [REGION], failures: [] });
    const hits = (result as Extract<LookupResult, { kind: 'estate' }>).hits;
    expect(hits.map((h) => [h.account, h.region, h.endpoints.map((e) => e.id)])).toEqual([['staging', REGION, [ENDPOINT]]]);
    expect(new Set(users)).toEqual(new Set(['U0ALICE']));
    const text = blockText(lookupView(result, messagesFor('en')));
    expect(text).toContain('Account `staging` · region `ap-northeast-1`');
    expect(text).toContain(`${ENDPOINT}-abc.kinesis.ap-northeast-1.vpce.amazonaws.com`);
  });

  it('reports each failing account in one line and still answers with the hit', async () => {
    const { access } = estate({
      home: {},
      prod: { [REGION]: { fail: 'AssumeRoleDenied' } },
      staging: { [REGION]: { fail: 'Throttling' } },
      payments: { [REGION]: { endpoints: [endpoint(ENDPOINT)] } },
    });
    const result = await runLookup(lookup(`describe ${ENDPOINT}`), access, policy, undefined, { concurrency: 4 });
    expect(result.kind).toBe('estate');
    const estateResult = result as Extract<LookupResult, { kind: 'estate' }>;
    expect(estateResult.hits.map((h) => h.account)).toEqual(['payments']);
    expect(estateResult.failures.map((f) => [f.account, f.code])).toEqual([
      ['prod', 'AssumeRoleDenied'],
      ['staging', 'Throttling'],
    ]);
    for (const locale of ['en', 'ja'] as const) {
      const view = lookupView(result, messagesFor(locale));
      expectWithinBlockKitLimits(view);
      const lines = blockText(view)
        .split('\n')
        .filter((l) => l.startsWith('•'));
      expect(lines.filter((l) => l.includes('`prod`'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes('`staging`'))).toHaveLength(1);
    }
    expect(blockText(lookupView(result, messagesFor('en')))).toContain(
      "`prod` in `ap-northeast-1`: the bot may not assume the account's role; fix that role's trust policy",
    );
  });

  it('turns an account that does not answer into a Timeout line when its own deadline passes', async () => {
    const { access } = estate({ home: {}, prod: { [REGION]: { hang: true } }, staging: {}, payments: {} });
    const deadlines: AbortController[] = [];
    const result = runLookup(lookup(`dns ${ENDPOINT}`), access, policy, undefined, {
      timeout: () => {
        const c = new AbortController();
        deadlines.push(c);
        return c.signal;
      },
    });
    await new Promise((r) => setImmediate(r));
    expect(deadlines).toHaveLength(4);
    deadlines[1]!.abort();
    const done = (await result) as Extract<LookupResult, { kind: 'estate' }>;
    expect(done.hits).toEqual([]);
    expect(done.failures).toMatchObject([{ account: 'prod', region: REGION, code: 'Timeout' }]);
    expect(blockText(lookupView(done, messagesFor('en')))).toContain('No endpoints match `vpce-0123456789abcdef0` in any of the 4 accounts');
  });

  it('region=all searches every allowed region of every account, and stops once the id is found', async () => {
    const { access, log } = estate({
      home: {},
      prod: { 'us-east-1': { endpoints: [endpoint(ENDPOINT, 'us-east-1')] } },
      staging: {},
      payments: {},
    });
    const result = (await runLookup(lookup(`dns ${ENDPOINT} region=all`), access, policy, undefined, { concurrency: 1 })) as Extract<
      LookupResult,
      { kind: 'estate' }
    >;
    expect(result.hits.map((h) => [h.account, h.region])).toEqual([['prod', 'us-east-1']]);
    expect(log).toEqual(['home/ap-northeast-1', 'home/us-east-1', 'prod/ap-northeast-1', 'prod/us-east-1']);
    expect(result.asked).toBe(4);
    expect(lookupJson(result)).toMatchObject([{ account: 'prod', region: 'us-east-1', id: ENDPOINT, dns: { regional: expect.any(String) } }]);
  });

  it('region=all without ALLOWED_REGIONS says what to set', async () => {
    const { access } = estate({ home: {} });
    const result = await runLookup(lookup(`dns ${ENDPOINT} region=all`), access, { defaultRegion: REGION });
    expect(result).toEqual({ kind: 'problem', problem: { code: 'allRegionsNeedList' } });
    expect(blockText(lookupView(result, messagesFor('ja')))).toContain('ALLOWED_REGIONS');
  });

  it('account= looks in that account alone and labels the answer', async () => {
    const { access, log } = estate({ home: {}, prod: { [REGION]: { endpoints: [endpoint(ENDPOINT)] } }, staging: {}, payments: {} });
    const result = await runLookup(lookup(`dns ${ENDPOINT} account=PROD`), access, policy);
    expect(result).toMatchObject({ kind: 'endpoints', account: 'prod', region: REGION });
    expect(log).toEqual(['prod/ap-northeast-1']);
  });

  it('an unknown alias is refused with the closest configured one, in both languages', async () => {
    const { access, log } = estate({ home: {} });
    const result = await runLookup(lookup(`dns ${ENDPOINT} account=stagin`), access, policy);
    expect(result).toEqual({ kind: 'problem', problem: { code: 'unknownAccount', alias: 'stagin', suggestion: 'staging' } });
    expect(log).toEqual([]);
    expect(blockText(lookupView(result, messagesFor('en')))).toContain('No account `stagin` is configured. Did you mean `account=staging`?');
    expect(blockText(lookupView(result, messagesFor('ja')))).toContain('`account=staging` のことですか');
  });

  it('services and describe by service text stay in home unless an account is named', async () => {
    const { access, log } = estate({ home: {}, prod: {} });
    await runLookup(lookup('describe kinesis'), access, policy);
    await runLookup(lookup('services kinesis account=prod'), access, policy);
    expect(log).toEqual(['home/ap-northeast-1']);
  });
});

describe('fanOut', () => {
  it('never has more calls in flight than its bound', async () => {
    let inFlight = 0;
    let most = 0;
    const scopes = Array.from({ length: 40 }, (_, i) => ({ account: `a${i}`, region: REGION }));
    const result = await fanOut(
      scopes,
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return { kind: 'miss' };
      },
      { concurrency: 7 },
    );
    expect(most).toBe(7);
    expect(result.asked).toBe(40);
  });

  it('aborts with the caller: its own deadline ends the whole search', async () => {
    const caller = new AbortController();
    const searchWithCaller = fanOut(
      [{ account: 'home', region: REGION }],
      (_scope, signal) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Ec2Error('Aborted', 'x', 'a', REGION)), { once: true })),
      { signal: caller.signal, perCallMs: 60_000 },
    );
    caller.abort();
    await expect(searchWithCaller).rejects.toMatchObject({ code: 'Aborted' });
  });
});

describe('account= through the Slack handler', () => {
  function setup(readers?: { userIds: string[] }) {
    const jobs = recordingJobs();
    const config = { ...TEST_CONFIG, accounts, ...(readers && { readers }) };
    const { access } = estate({ home: {}, prod: { [REGION]: { endpoints: [endpoint(ENDPOINT)] } }, staging: {}, payments: {} });
    const handler = createSlackHandler(config, { ec2For: access.ec2For, jobs, logger: quietLogger(), clock: manualClock() });
    return async (text: string, user = 'U0ALICE') => {
      const response = await handler(apiGatewayV2Event(slashCommandBody(text, { user_id: user })), {});
      return blockText(parseAckBody(response.body) as { blocks: unknown[] });
    };
  }

  it('answers dns vpce-… from the member account that holds it', async () => {
    const send = setup();
    expect(await send(`dns ${ENDPOINT}`)).toContain('Account `prod` · region `ap-northeast-1`');
  });

  it('tells a user who may not read nothing about which accounts exist', async () => {
    const send = setup({ userIds: ['U0DAVE'] });
    const refused = await send(`dns ${ENDPOINT} account=stagin`, 'U0EVE');
    expect(refused).not.toContain('staging');
    expect(refused).not.toContain('stagin');
    expect(refused).toContain(messagesFor('en').readers.onlyReaders.slice(0, 40));
    expect(await send(`dns ${ENDPOINT} account=stagin`, 'U0DAVE')).toContain('Did you mean `account=staging`?');
  });

  it('doctor with an unknown account is refused before any EC2 call', async () => {
    const send = setup();
    expect(await send(`doctor ${ENDPOINT} from=10.0.0.1 account=prd`)).toContain('Did you mean `account=prod`?');
  });

  it('a search too slow for Slack is handed to the worker, which answers from the same accounts in the user’s name', async () => {
    const jobs = recordingJobs();
    const clock = manualClock();
    const config = { ...TEST_CONFIG, accounts };
    const slow = estate({ home: {}, prod: { [REGION]: { hang: true } }, staging: {}, payments: {} });
    const handler = createSlackHandler(config, { ec2For: slow.access.ec2For, jobs, logger: quietLogger(), clock });
    const answer = handler(apiGatewayV2Event(slashCommandBody(`dns ${ENDPOINT}`)), {});
    await until(() => slow.log.includes(`prod/${REGION}`) && clock.waiting > 0, 'the fan-out and the in-line deadline');
    clock.advance(1500);
    expect(blockText(parseAckBody((await answer).body) as { blocks: unknown[] })).toContain('Looking up');
    expect(jobs.jobs).toMatchObject([{ kind: 'lookup', text: `dns ${ENDPOINT}`, userId: 'U0ALICE' }]);

    const quick = estate({ home: {}, prod: {}, staging: { [REGION]: { endpoints: [endpoint(ENDPOINT)] } }, payments: {} });
    const posted = captureResponseUrl();
    await createWorkerHandler(config, { ec2For: quick.access.ec2For, jobs: recordingJobs(), logger: quietLogger() })(jobs.jobs[0]!);
    expect(blockText(posted[0]!.body)).toContain('Account `staging` · region `ap-northeast-1`');
    expect(new Set(quick.users)).toEqual(new Set(['U0ALICE']));
  });
});
