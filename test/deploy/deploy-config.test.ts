import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAccounts } from '../../src/accounts/model.js';
import { SUBCOMMANDS } from '../../src/commands/parse.js';
import { createSlackHandler } from '../../src/handler.js';
import { en } from '../../src/messages.js';
import { seedState } from '../emulator/ec2-emulator.js';
import { fakeEc2World, testEc2 } from '../helpers/ec2.js';
import {
  TEST_CONFIG,
  apiGatewayV1Event,
  memoryPreferences,
  captureResponseUrl,
  fakeSlack,
  quietLogger,
  recordingJobs,
  slashCommandBody,
} from '../helpers/slack.js';

const serverless = parse(readFileSync('serverless.yml', 'utf8'));
const manifest = parse(readFileSync('manifest.yml', 'utf8'));

interface Statement {
  Sid: string;
  Action: string[];
  Resource: unknown;
  Condition?: unknown;
}
/** Each function's own role: the Slack function has the provider's, the worker its WorkerRole resource. */
const slackStatements: Statement[] = serverless.provider.iam.role.statements;
const workerRole = serverless.resources.Resources.WorkerRole;
const workerStatements: Statement[] = workerRole.Properties.Policies.flatMap((p: { PolicyDocument: { Statement: Statement[] } }) => p.PolicyDocument.Statement);
const statements: Statement[] = [...slackStatements, ...workerStatements];
const ec2Actions = (of: Statement[]) => [...new Set(of.flatMap((s) => s.Action).filter((a) => a.startsWith('ec2:')))].sort();
const ALLOWED_REGIONS_CONDITION = { 'aws:RequestedRegion': { 'Fn::Split': [',', '${param:allowedRegions}'] } };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}
const source = sourceFiles('src')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('serverless.yml', () => {
  it('runs on a deployable Node.js runtime on arm64', () => {
    expect(serverless.provider.runtime).toMatch(/^nodejs(22|24)\.x$/);
    expect(serverless.provider.architecture).toBe('arm64');
    expect(serverless.frameworkVersion).toBe('>=3');
  });

  it('has the Slack HTTP function and two asynchronous workers, each with deliberate retries, a failure queue and an alarm on it', () => {
    const { slack, worker, interactive } = serverless.functions;
    expect(Object.keys(serverless.functions).sort()).toEqual(['interactive', 'slack', 'worker']);
    expect(slack.handler).toBe('src/handler.slack');
    expect(slack.events).toEqual([{ httpApi: { method: 'POST', path: '/slack/events' } }]);
    expect(slack.timeout).toBeLessThanOrEqual(10);
    const resources = serverless.resources.Resources;
    for (const [fn, queue] of [
      [worker, 'WorkerFailures'],
      [interactive, 'InteractiveFailures'],
    ] as const) {
      expect(fn.handler).toBe('src/worker-handler.worker');
      expect(fn.timeout).toBeGreaterThanOrEqual(660);
      expect(fn.maximumRetryAttempts).toBe(2);
      expect(fn.maximumEventAge).toBeGreaterThan(0);
      expect(fn.destinations.onFailure).toEqual({ type: 'sqs', arn: { 'Fn::GetAtt': [queue, 'Arn'] } });
      expect(resources[queue].Type).toBe('AWS::SQS::Queue');
      expect(resources[`${queue}Alarm`].Properties.Dimensions).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }]);
      expect(resources[`${queue}Alarm`].Properties.AlarmActions).toEqual(resources.WorkerFailuresAlarm.Properties.AlarmActions);
    }
    // The sweep runs where no create can hold it back; each function's name is in the environment for the hand-off.
    expect(interactive.events).toEqual([{ schedule: { rate: 'rate(5 minutes)', input: { kind: 'sweep' } } }]);
    expect(worker.events).toBeUndefined();
    expect(serverless.provider.environment.WORKER_FUNCTION_NAME).toBe('${self:service}-${sls:stage}-worker');
    expect(serverless.provider.environment.INTERACTIVE_FUNCTION_NAME).toBe('${self:service}-${sls:stage}-interactive');
  });

  it('declares the requests table on demand, with TTL and point-in-time recovery', () => {
    const table = serverless.resources.Resources.RequestsTable;
    expect(table.Type).toBe('AWS::DynamoDB::Table');
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'purgeAt', Enabled: true });
    expect(table.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
    expect(serverless.provider.environment.REQUESTS_TABLE).toEqual({ Ref: 'RequestsTable' });
  });

  it('reads the Slack secrets from SSM and holds none in the file', () => {
    const env = serverless.provider.environment;
    expect(env.SLACK_SIGNING_SECRET).toBeUndefined();
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
    expect(env.SLACK_SIGNING_SECRET_PARAMETER).toMatch(/^\/\$\{self:service\}\/\$\{sls:stage\}\//);
    expect(env.SLACK_BOT_TOKEN_PARAMETER).toMatch(/^\/\$\{self:service\}\/\$\{sls:stage\}\//);
    // The approval key too: the Slack function seals approvals with it and the worker verifies them.
    expect(env.APPROVAL_KEY).toBeUndefined();
    expect(env.APPROVAL_KEY_PARAMETER).toBe('/${self:service}/${sls:stage}/approval-key');
    expect(readFileSync('serverless.yml', 'utf8')).not.toMatch(/xox[bpa]-|xapp-/);
  });

  it('grants no wildcard actions, and wildcard resources only for EC2 read-only calls', () => {
    // Describe… supports no resource-level permissions; the prefix lists and TGW route tables doctor reads
    // (Get…, Search…) are named by what it finds on the path, so they cannot be listed in advance either.
    for (const s of statements) {
      for (const action of s.Action) expect(action, s.Sid).not.toContain('*');
      if (s.Resource === '*')
        expect(
          s.Action.every((a) => /^ec2:(Describe|Get|Search)/.test(a)),
          s.Sid,
        ).toBe(true);
    }
  });

  it('gives each function its own role', () => {
    expect(serverless.provider.role).toBeUndefined();
    expect(serverless.functions.slack.role).toBeUndefined();
    expect(serverless.functions.worker.role).toBe('WorkerRole');
    // A submission's preflight (interactive) is a DryRun of the create: IAM authorizes it as the create itself.
    expect(serverless.functions.interactive.role).toBe('WorkerRole');
    expect(workerRole.Type).toBe('AWS::IAM::Role');
    expect(workerRole.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    expect(workerRole.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('lets only the worker create and tag: it holds exactly the EC2 actions the code calls', () => {
    // Every command the EC2 adapter sends: lookups, preflight, create, and doctor's network reads (the worker
    // answers lookups and doctor runs handed off to it).
    const called = [...new Set([...readFileSync('src/endpoints/ec2.ts', 'utf8').matchAll(/new sdk\.(\w+)Command\(/g)].map((m) => m[1]!))];
    expect(called).toEqual(
      expect.arrayContaining([
        'DescribeRouteTables',
        'DescribeNetworkAcls',
        'DescribeNetworkInterfaces',
        'DescribeInstances',
        'DescribeVpcPeeringConnections',
        'DescribeVpcs',
        'DescribeTransitGatewayAttachments',
        'SearchTransitGatewayRoutes',
        'GetManagedPrefixListEntries',
        'DescribeDhcpOptions',
      ]),
    );
    expect(ec2Actions(workerStatements).filter((a) => a !== 'ec2:CreateTags')).toEqual(called.map((c) => `ec2:${c}`).sort());
    // The Slack function only reads: EC2's read-only verbs are Describe…, Get… and Search….
    expect(ec2Actions(slackStatements).filter((a) => !/^ec2:(Describe|Get|Search)/.test(a))).toEqual([]);
  });

  it('gives the Slack function exactly the EC2 calls it makes inline, for every command it knows', async () => {
    // Every subcommand's own example from the help (a new command brings one), through the real handler, with
    // EC2 answered by the emulator and any hand-off recorded instead of run: what remains is the inline calls.
    const ec2 = fakeEc2World(seedState());
    fakeSlack();
    captureResponseUrl(100);
    // `lang ja` is one of the examples: its choice stays in memory, not in a directory other tests read.
    const preferences = memoryPreferences();
    const handler = createSlackHandler(TEST_CONFIG, { ec2: testEc2(), jobs: recordingJobs(), logger: quietLogger(), inlineWorkMs: 60_000, preferences });
    for (const name of SUBCOMMANDS) {
      const text = en.examples[name].example.replace(/^\/privatelink\s*/, '');
      const response = await handler(apiGatewayV1Event(slashCommandBody(text)), {});
      expect(response.statusCode, text).toBe(200);
    }
    expect(preferences.chosen.get('U0ALICE')).toBe('ja');

    const inline = [...new Set(ec2.map((c) => `ec2:${c.action}`))].sort();
    expect(inline.length).toBeGreaterThan(0);
    expect(ec2Actions(slackStatements)).toEqual(expect.arrayContaining(inline));
    // Lookups and doctor answer inline and between them read every Describe the adapter has (the emulator above
    // cannot follow doctor's whole path); only preflight and create are the worker's, and they read nothing else.
    const adapterReads = [
      ...new Set([...readFileSync('src/endpoints/ec2.ts', 'utf8').matchAll(/new sdk\.((?:Describe|Get|Search)\w+)Command\(/g)].map((m) => `ec2:${m[1]!}`)),
    ].sort();
    expect(ec2Actions(slackStatements)).toEqual(adapterReads);
  });

  it('limits every EC2 call of both roles to the allowed regions, which default to the deploy region', () => {
    for (const s of statements.filter((st) => st.Action.some((a) => a.startsWith('ec2:')))) {
      expect(s.Condition, s.Sid).toMatchObject({ StringEquals: ALLOWED_REGIONS_CONDITION });
    }
    expect(serverless.params.default.allowedRegions).toBe('${self:provider.region}');
    expect(serverless.provider.environment.ALLOWED_REGIONS).toBe('${param:allowedRegions}');
  });

  it('creates only endpoints that carry the request tag, and tags only while creating', () => {
    const creates = workerStatements.filter((s) => s.Action.includes('ec2:CreateVpcEndpoint'));
    const onEndpoint = creates.filter((s) => JSON.stringify(s.Resource).includes(':vpc-endpoint/*'));
    expect(onEndpoint).toHaveLength(1);
    expect(onEndpoint[0]!.Condition).toMatchObject({ Null: { 'aws:RequestTag/privatelink:request': 'false' } });
    // The other statement names only what the endpoint is placed in, never the endpoint itself.
    for (const s of creates.filter((st) => st !== onEndpoint[0]))
      expect(JSON.stringify(s.Resource)).toMatch(/^(?!.*vpc-endpoint).*(vpc|subnet|security-group)\/\*/);
    // ...and the code does set that tag on create.
    const call = readFileSync('src/endpoints/create-call.ts', 'utf8');
    expect(call).toContain("request: 'privatelink:request'");
    expect(call).toContain('[TAG_KEYS.request]: parties.requestId');
    const tags = workerStatements.find((s) => s.Action.includes('ec2:CreateTags'))!;
    expect(tags.Condition).toEqual({ StringEquals: { 'ec2:CreateAction': 'CreateVpcEndpoint', ...ALLOWED_REGIONS_CONDITION } });
    expect(JSON.stringify(tags.Resource)).toContain(':vpc-endpoint/*');
  });

  it('allows cross-region creates (vpce:AllowMultiRegion) to the worker only, in the allowed regions, when the code sends ServiceRegion', () => {
    expect(readFileSync('src/endpoints/ec2.ts', 'utf8')).toContain('ServiceRegion: params.serviceRegion');
    const multiRegion = workerStatements.filter((s) => s.Action.includes('vpce:AllowMultiRegion'));
    expect(multiRegion).toHaveLength(1);
    expect(multiRegion[0]!.Condition).toMatchObject({ StringEquals: ALLOWED_REGIONS_CONDITION });
    expect(slackStatements.flatMap((s) => s.Action)).not.toContain('vpce:AllowMultiRegion');
  });

  it('lets the worker only associate the private hosted zone a private-DNS create depends on, and the Slack function not at all', () => {
    // The code creates endpoints with private DNS, which makes CreateVpcEndpoint depend on this Route 53 action.
    expect(readFileSync('src/endpoints/ec2.ts', 'utf8')).toContain('PrivateDnsEnabled');
    const route53 = (of: Statement[]) => of.flatMap((s) => s.Action).filter((a) => a.startsWith('route53:'));
    expect(route53(workerStatements)).toEqual(['route53:AssociateVPCWithHostedZone']);
    expect(route53(slackStatements)).toEqual([]);
    const associate = workerStatements.find((s) => s.Action.includes('route53:AssociateVPCWithHostedZone'))!;
    expect(associate.Action).toEqual(['route53:AssociateVPCWithHostedZone']);
    expect(associate.Resource).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:route53:::hostedzone/*' }]);
  });

  it('throttles the HTTP API and reserves concurrency for each worker', () => {
    const routes = serverless.resources.extensions.HttpApiStage.Properties.DefaultRouteSettings;
    expect(routes.ThrottlingRateLimit).toBe('${param:apiRateLimit}');
    expect(routes.ThrottlingBurstLimit).toBe('${param:apiBurstLimit}');
    expect(serverless.functions.worker.reservedConcurrency).toBe('${param:workerConcurrency}');
    expect(serverless.functions.interactive.reservedConcurrency).toBe('${param:interactiveConcurrency}');
    const { apiRateLimit, apiBurstLimit, workerConcurrency, interactiveConcurrency } = serverless.params.default;
    for (const n of [apiRateLimit, apiBurstLimit, workerConcurrency, interactiveConcurrency]) expect(Number.isInteger(n) && n > 0).toBe(true);
    expect(apiBurstLimit).toBeGreaterThanOrEqual(apiRateLimit);
  });

  it('lets the functions invoke only the workers and use only their own table, parameters and failure queues', () => {
    const dynamoCalled = [
      ...new Set([...readFileSync('src/requests/dynamo-store.ts', 'utf8').matchAll(/new sdk\.(\w+)Command\(/g)].map((m) => `dynamodb:${m[1]!}`)),
    ]
      // CreateTable serves tests and local runs; the deployed table is the stack's.
      .filter((a) => a !== 'dynamodb:CreateTable')
      .sort();
    for (const [name, role] of [
      ['slack', slackStatements],
      ['worker', workerStatements],
    ] as const) {
      const invoke = role.find((s) => s.Action.includes('lambda:InvokeFunction'))!;
      expect(JSON.stringify(invoke.Resource), name).toContain(':function:${self:service}-${sls:stage}-worker');
      expect(
        (invoke.Resource as { 'Fn::Sub': string }[]).every((r) => /:function:\$\{self:service\}-\$\{sls:stage\}-(worker|interactive)$/.test(r['Fn::Sub'])),
        name,
      ).toBe(true);
      const dynamo = role.find((s) => s.Action.some((a) => a.startsWith('dynamodb:')))!;
      expect(dynamo.Resource, name).toEqual([{ 'Fn::GetAtt': ['RequestsTable', 'Arn'] }]);
      expect([...dynamo.Action].sort(), name).toEqual(dynamoCalled);
      const ssm = role.find((s) => s.Action.includes('ssm:GetParameters'))!;
      expect(JSON.stringify(ssm.Resource), name).toContain(':parameter/${self:service}/${sls:stage}/*');
    }
    expect(
      slackStatements.flatMap((s) => s.Action).filter((a) => !/^(ec2:(Describe|Get|Search)|lambda:InvokeFunction$|dynamodb:|ssm:GetParameters$)/.test(a)),
    ).toEqual([]);
    const queue = workerStatements.find((s) => s.Action.includes('sqs:SendMessage'))!;
    expect(queue.Resource).toEqual([{ 'Fn::GetAtt': ['WorkerFailures', 'Arn'] }, { 'Fn::GetAtt': ['InteractiveFailures', 'Arn'] }]);
    // The Slack function hands jobs to both workers; the workers hand on only creates, to the worker.
    const invokes = (of: Statement[]) => JSON.stringify(of.find((s) => s.Action.includes('lambda:InvokeFunction'))!.Resource);
    expect(invokes(slackStatements)).toContain('-interactive');
    expect(invokes(workerStatements)).not.toContain('-interactive');
    const logs = workerStatements.find((s) => s.Action.includes('logs:PutLogEvents'))!;
    expect((logs.Resource as { 'Fn::Sub': string }[]).map((r) => r['Fn::Sub'].replace(/.*:log-group:/, ''))).toEqual([
      '/aws/lambda/${self:service}-${sls:stage}-worker:*',
      '/aws/lambda/${self:service}-${sls:stage}-interactive:*',
    ]);
  });

  it('keeps user languages in a table of their own that only the Slack function reads and writes, and passes LOCALE', () => {
    const table = serverless.resources.Resources.PreferencesTable;
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.KeySchema).toEqual([{ AttributeName: 'userId', KeyType: 'HASH' }]);
    expect(serverless.provider.environment.PREFERENCES_TABLE).toEqual({ Ref: 'PreferencesTable' });
    expect(serverless.provider.environment.LOCALE).toBe('${param:locale}');
    expect(['en', 'ja']).toContain(serverless.params.default.locale);
    const called = [
      ...new Set([...readFileSync('src/preferences/dynamo-store.ts', 'utf8').matchAll(/new sdk\.(\w+)Command\(/g)].map((m) => `dynamodb:${m[1]!}`)),
    ]
      .filter((a) => a !== 'dynamodb:CreateTable')
      .sort();
    expect(called).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    const onTable = (of: Statement[]) => of.filter((s) => JSON.stringify(s.Resource).includes('PreferencesTable'));
    expect(onTable(slackStatements)).toEqual([
      { Sid: 'Preferences', Effect: 'Allow', Action: called, Resource: [{ 'Fn::GetAtt': ['PreferencesTable', 'Arn'] }] },
    ]);
    expect(onTable(workerStatements)).toEqual([]);
  });

  it('passes the reader allow-list to the functions', () => {
    expect(serverless.provider.environment.READER_USER_IDS).toBe('${param:readerUserIds}');
    expect(serverless.provider.environment.READER_USERGROUP_ID).toBe('${param:readerUsergroupId}');
  });

  // Member accounts (ACCOUNTS, deploy/README.md): sts:AssumeRole on exactly the configured role ARNs, none when empty.
  const assumePolicies = () =>
    Object.entries<{ Type: string; Condition?: string; Properties: { Roles: unknown; PolicyDocument: { Statement: Statement[] } } }>(
      serverless.resources.Resources,
    ).filter(([, r]) => r.Type === 'AWS::IAM::Policy' && r.Properties.PolicyDocument.Statement.some((s) => s.Action.some((a) => a.startsWith('sts:'))));

  it('passes the accounts and their external id to the functions, empty by default', () => {
    expect(serverless.provider.environment.ACCOUNTS).toBe('${param:accounts}');
    expect(serverless.provider.environment.ACCOUNTS_EXTERNAL_ID).toBe('${param:accountsExternalId}');
    expect(serverless.params.default.accounts).toBe('');
    expect(serverless.params.default.accountsExternalId).toBe('');
  });

  it('assumes exactly the configured member roles: the Slack function to read, the worker also tagging its create session', () => {
    expect(statements.flatMap((s) => s.Action).filter((a) => a.startsWith('sts:'))).toEqual([]);
    const byRole = Object.fromEntries(assumePolicies().map(([name, r]) => [JSON.stringify(r.Properties.Roles), { name, ...r }]));
    expect(Object.keys(byRole).sort()).toEqual([JSON.stringify([{ Ref: 'IamRoleLambdaExecution' }]), JSON.stringify([{ Ref: 'WorkerRole' }])].sort());
    const slack = byRole[JSON.stringify([{ Ref: 'IamRoleLambdaExecution' }])]!;
    const worker = byRole[JSON.stringify([{ Ref: 'WorkerRole' }])]!;
    const ARNS = '${file(./deploy/accounts.cjs):roleArns}';
    expect(slack.Properties.PolicyDocument.Statement).toEqual([{ Sid: 'AssumeMemberRoles', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ARNS }]);
    expect(worker.Properties.PolicyDocument.Statement).toEqual([
      { Sid: 'AssumeMemberRoles', Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: ARNS },
    ]);
    // No accounts, no policy at all (an IAM statement cannot name zero resources).
    for (const p of [slack, worker]) expect(p.Condition, p.name).toBe('HasMemberAccounts');
    expect(serverless.resources.Conditions.HasMemberAccounts).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['${param:accounts}', ''] }] });
    // The roles a member account trusts are the stack's outputs.
    expect(serverless.resources.Outputs.SlackRoleArn.Value).toEqual({ 'Fn::GetAtt': ['IamRoleLambdaExecution', 'Arn'] });
    expect(serverless.resources.Outputs.WorkerRoleArn.Value).toEqual({ 'Fn::GetAtt': ['WorkerRole', 'Arn'] });
  });

  it('reads the role ARNs from the accounts parameter, and refuses a malformed one by name', async () => {
    const { roleArns, roleArnsOf } = createRequire(__filename)('../../deploy/accounts.cjs') as {
      roleArns: (a: { resolveVariable: (v: string) => Promise<string> }) => Promise<string[]>;
      roleArnsOf: (v: string) => string[];
    };
    const asked: string[] = [];
    const value = ' prod=arn:aws:iam::111111111111:role/privatelink-bot , dev=arn:aws-cn:iam::222222222222:role/ops/privatelink-bot';
    await expect(roleArns({ resolveVariable: async (v) => (asked.push(v), value) })).resolves.toEqual([
      'arn:aws:iam::111111111111:role/privatelink-bot',
      'arn:aws-cn:iam::222222222222:role/ops/privatelink-bot',
    ]);
    expect(asked).toEqual(['param:accounts']);
    expect(roleArnsOf('')).toEqual([]);
    // The same rules as the bot's start-up (parseAccounts): what one accepts the other accepts, with the same ARNs.
    const samples = [
      '',
      'prod=arn:aws:iam::111111111111:role/privatelink-bot',
      'prod=arn:aws-us-gov:iam::111111111111:role/a/b/c,dev=arn:aws:iam::222222222222:role/x',
      'prod',
      'prod=arn:aws:iam::1111:role/x',
      '=arn:aws:iam::111111111111:role/x',
      'prod=arn:aws:iam::111111111111:user/x',
      'home=arn:aws:iam::111111111111:role/x',
      'Prod=arn:aws:iam::111111111111:role/x',
      'a=arn:aws:iam::111111111111:role/x,a=arn:aws:iam::222222222222:role/x',
      'a=arn:aws:iam::111111111111:role/x,b=arn:aws:iam::111111111111:role/x',
      `a=arn:aws:iam::111111111111:role/${'n'.repeat(65)}`,
    ];
    for (const value of samples) {
      let atStartUp: string[] | 'refused';
      try {
        atStartUp = parseAccounts(value).flatMap((a) => (a.roleArn ? [a.roleArn] : []));
      } catch {
        atStartUp = 'refused';
      }
      if (atStartUp === 'refused') expect(() => roleArnsOf(value), value).toThrow(/deploy parameter accounts/);
      else expect(roleArnsOf(value), value).toEqual(atStartUp);
    }
  });
});

/** Web API methods → the bot scope each needs (views.open needs none beyond the command's trigger). */
const METHOD_SCOPES: Record<string, string | undefined> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'usergroups.users.list': 'usergroups:read',
  'views.open': undefined,
  // No scope of its own (Slack's method spec lists none); it fails with not_enabled unless the Home tab is on.
  'views.publish': undefined,
};

/** The deploy guard plugin (scripts/deploy-guards.cjs), loaded as Serverless loads it. */
const DeployGuards = createRequire(path.resolve('package.json'))('./scripts/deploy-guards.cjs') as {
  new (
    serverless: { service: { custom: { deployGuards: Record<string, string> } }; classes: { Error: typeof Error }; processedInput: { commands: string[] } },
    options: unknown,
    utils: { log: { warning: (text: string) => void } },
  ): { hooks: Record<string, () => void> };
};

/** Runs the guard's deploy hook over these parameters (the defaults of serverless.yml otherwise); returns what it said. */
function deployWith(params: Record<string, string>, commands = ['deploy']): { refused?: string; warnings: string[] } {
  const defaults = serverless.params.default;
  const deployGuards = Object.fromEntries(
    ['approvals', 'approvalChannelId', 'approverUserIds', 'approverUsergroupId', 'alarmTopicArn'].map((k) => [k, String(params[k] ?? defaults[k])]),
  );
  const warnings: string[] = [];
  const guard = new DeployGuards(
    { service: { custom: { deployGuards } }, classes: { Error }, processedInput: { commands } },
    {},
    { log: { warning: (t) => warnings.push(t) } },
  );
  try {
    guard.hooks.initialize!();
    return { warnings };
  } catch (error) {
    return { refused: (error as Error).message, warnings };
  }
}

describe('deploy guards', () => {
  const approvers = { approvalChannelId: 'C0APPROVALS', approverUserIds: 'U0BOB,U0CAROL' };
  const topic = { alarmTopicArn: 'arn:aws:sns:ap-northeast-1:123456789012:oncall' };

  it('is a plugin of the deploy, checking the parameters serverless.yml resolves, before packaging or anything reaches AWS', () => {
    expect(serverless.plugins).toContain('./scripts/deploy-guards.cjs');
    expect(serverless.custom.deployGuards).toEqual({
      approvals: '${param:approvals}',
      approvalChannelId: '${param:approvalChannelId}',
      approverUserIds: '${param:approverUserIds}',
      approverUsergroupId: '${param:approverUsergroupId}',
      alarmTopicArn: '${param:alarmTopicArn}',
    });
    expect(serverless.params.default).toMatchObject({ approvals: 'on', alarmTopicArn: '' });
  });

  it('checks a deploy only: packaging (CI) and deploying one function go on with the defaults', () => {
    expect(deployWith({}, ['package'])).toEqual({ warnings: [] });
    expect(deployWith({}, ['deploy', 'function'])).toEqual({ warnings: [] });
  });

  it('refuses a deploy with the defaults (no approvals channel, no approvers), saying which parameters to pass', () => {
    const { refused } = deployWith({});
    expect(refused).toMatch(/^Deploy refused:/);
    expect(refused).toContain('No approvals channel (approvalChannelId)');
    expect(refused).toContain('No approvers (approverUserIds or approverUsergroupId)');
    expect(refused).toContain('--param="approvals=off"');
  });

  it('refuses a channel without approvers, approvers without a channel, and ids of the wrong kind', () => {
    expect(deployWith({ approvalChannelId: 'C0APPROVALS' }).refused).toContain('No approvers');
    expect(deployWith({ approverUsergroupId: 'S0NET' }).refused).toContain('No approvals channel');
    expect(deployWith({ ...approvers, approvalChannelId: '#approvals' }).refused).toContain('is not a channel id');
    expect(deployWith({ ...approvers, approverUserIds: 'U0BOB,bob' }).refused).toContain('"bob"');
    expect(deployWith({ approvalChannelId: 'C0APPROVALS', approverUsergroupId: 'U0BOB' }).refused).toContain('is not a user group id');
    expect(deployWith({ ...approvers, approvals: 'maybe' }).refused).toContain('neither on nor off');
  });

  it('lets a deploy with a channel and approvers (users or a group) go out', () => {
    expect(deployWith({ ...approvers, ...topic })).toEqual({ warnings: [] });
    expect(deployWith({ approvalChannelId: 'G0PRIVATE', approverUsergroupId: 'S0NET', ...topic })).toEqual({ warnings: [] });
  });

  it('lets approvals=off go out without approvers, and says so', () => {
    const { refused, warnings } = deployWith({ approvals: 'off', ...topic });
    expect(refused).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('approvals=off: this deploy has no approvers')]);
  });

  it('says at deploy that the failure alarm notifies no one without alarmTopicArn, and refuses a topic that is not an SNS ARN', () => {
    expect(deployWith(approvers).warnings).toEqual([expect.stringContaining('No alarmTopicArn: the worker-failure alarm will change state but notify no one')]);
    expect(deployWith({ ...approvers, alarmTopicArn: 'oncall' }).refused).toContain('is not an SNS topic ARN');
  });

  it('points the worker-failure alarm at the topic given, when one is given', () => {
    const alarm = serverless.resources.Resources.WorkerFailuresAlarm.Properties;
    const whenGiven = { 'Fn::If': ['NotifiesAlarmTopic', ['${param:alarmTopicArn}'], { Ref: 'AWS::NoValue' }] };
    expect(alarm.AlarmActions).toEqual(whenGiven);
    expect(alarm.OKActions).toEqual(whenGiven);
    expect(serverless.resources.Conditions.NotifiesAlarmTopic).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['${param:alarmTopicArn}', ''] }] });
  });
});

describe('manifest.yml', () => {
  it('declares /privatelink with a description and usage hint, and interactivity', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe('/privatelink');
    expect(command.description.length).toBeGreaterThan(10);
    expect(command.usage_hint).toContain('compare');
    expect(command.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toBe(command.url);
  });

  it('turns the Home tab on and subscribes to app_home_opened at the same URL as the command and interactivity', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.settings.event_subscriptions.request_url).toBe(manifest.features.slash_commands[0].url);
    expect(source).toContain("app.event('app_home_opened'");
  });

  it('asks for exactly the scopes the code uses', () => {
    const called = [
      ...new Set([...source.matchAll(/client\.(chat\.postMessage|chat\.update|usergroups\.users\.list|views\.open|[a-z]+\.[a-zA-Z.]+)\(/g)].map((m) => m[1]!)),
    ];
    for (const method of called) expect(Object.keys(METHOD_SCOPES), `no scope known for ${method}`).toContain(method);
    const needed = new Set(['commands', ...called.map((m) => METHOD_SCOPES[m]).filter((s): s is string => Boolean(s))]);
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
  });
});
