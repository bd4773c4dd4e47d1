import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const serverless = parse(readFileSync('serverless.yml', 'utf8'));
const manifest = parse(readFileSync('manifest.yml', 'utf8'));

interface Statement {
  Sid: string;
  Action: string[];
  Resource: unknown;
  Condition?: unknown;
}
const statements: Statement[] = serverless.provider.iam.role.statements;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}
const source = sourceFiles('src').map((f) => readFileSync(f, 'utf8')).join('\n');

describe('serverless.yml', () => {
  it('runs on a deployable Node.js runtime on arm64', () => {
    expect(serverless.provider.runtime).toMatch(/^nodejs(22|24)\.x$/);
    expect(serverless.provider.architecture).toBe('arm64');
    expect(serverless.frameworkVersion).toBe('>=3');
  });

  it('has the Slack HTTP function and the asynchronous worker with deliberate retries and a failure destination', () => {
    const { slack, worker } = serverless.functions;
    expect(slack.handler).toBe('src/handler.slack');
    expect(slack.events).toEqual([{ httpApi: { method: 'POST', path: '/slack/events' } }]);
    expect(slack.timeout).toBeLessThanOrEqual(10);
    expect(worker.handler).toBe('src/worker-handler.worker');
    expect(worker.timeout).toBeGreaterThanOrEqual(660);
    expect(worker.maximumRetryAttempts).toBe(2);
    expect(worker.maximumEventAge).toBeGreaterThan(0);
    expect(worker.destinations.onFailure.type).toBe('sqs');
    expect(worker.events).toContainEqual({ schedule: { rate: 'rate(5 minutes)', input: { kind: 'sweep' } } });
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
    expect(readFileSync('serverless.yml', 'utf8')).not.toMatch(/xox[bpa]-|xapp-/);
  });

  it('grants no wildcard actions, and wildcard resources only for EC2 Describe calls', () => {
    for (const s of statements) {
      for (const action of s.Action) expect(action, s.Sid).not.toContain('*');
      if (s.Resource === '*') expect(s.Action.every((a) => a.startsWith('ec2:Describe')), s.Sid).toBe(true);
    }
  });

  it('grants exactly the EC2 actions the code calls, and tagging only on create', () => {
    const granted = statements.flatMap((s) => s.Action).filter((a) => a.startsWith('ec2:'));
    // Every command the EC2 adapter sends (lookups, preflight, create, and doctor's network reads).
    const ec2Adapter = readFileSync('src/endpoints/ec2.ts', 'utf8');
    const called = [...new Set([...ec2Adapter.matchAll(/new sdk\.(\w+)Command\(/g)].map((m) => m[1]!))];
    expect(called).toEqual(expect.arrayContaining(['DescribeRouteTables', 'DescribeNetworkAcls', 'DescribeNetworkInterfaces', 'DescribeInstances', 'DescribeVpcPeeringConnections', 'DescribeVpcs']));
    expect(granted.filter((a) => a !== 'ec2:CreateTags').sort()).toEqual(called.map((c) => `ec2:${c}`).sort());
    const tags = statements.find((s) => s.Action.includes('ec2:CreateTags'))!;
    expect(tags.Condition).toEqual({ StringEquals: { 'ec2:CreateAction': 'CreateVpcEndpoint' } });
  });

  it('lets the functions invoke only the worker and use only their own table and parameters', () => {
    const invoke = statements.find((s) => s.Action.includes('lambda:InvokeFunction'))!;
    expect(JSON.stringify(invoke.Resource)).toContain(':function:${self:service}-${sls:stage}-worker');
    const dynamo = statements.find((s) => s.Action.some((a) => a.startsWith('dynamodb:')))!;
    expect(dynamo.Resource).toEqual([{ 'Fn::GetAtt': ['RequestsTable', 'Arn'] }]);
    const ssm = statements.find((s) => s.Action.includes('ssm:GetParameters'))!;
    expect(JSON.stringify(ssm.Resource)).toContain(':parameter/${self:service}/${sls:stage}/*');
  });
});

/** Web API methods → the bot scope each needs (views.open needs none beyond the command's trigger). */
const METHOD_SCOPES: Record<string, string | undefined> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'usergroups.users.list': 'usergroups:read',
  'views.open': undefined,
};

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

  it('asks for exactly the scopes the code uses', () => {
    const called = [...new Set([...source.matchAll(/client\.(chat\.postMessage|chat\.update|usergroups\.users\.list|views\.open|[a-z]+\.[a-zA-Z.]+)\(/g)].map((m) => m[1]!))];
    for (const method of called) expect(Object.keys(METHOD_SCOPES), `no scope known for ${method}`).toContain(method);
    const needed = new Set(['commands', ...called.map((m) => METHOD_SCOPES[m]).filter((s): s is string => Boolean(s))]);
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
  });
});
