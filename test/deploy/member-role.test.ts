import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CREATE_SESSION_TAG } from '../../src/endpoints/create-call.js';
import { evaluate, readTemplate } from './cloudformation.js';

const template = readTemplate('deploy/member-role.yml');
const serverless = parse(readFileSync('serverless.yml', 'utf8'));

interface Statement {
  Sid: string;
  Effect: string;
  Action: string | string[];
  Principal?: unknown;
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

const role = template.Resources.MemberRole;
const memberStatements: Statement[] = role.Properties.Policies.flatMap((p: { PolicyDocument: { Statement: Statement[] } }) => p.PolicyDocument.Statement);
const workerStatements: Statement[] = serverless.resources.Resources.WorkerRole.Properties.Policies.flatMap(
  (p: { PolicyDocument: { Statement: Statement[] } }) => p.PolicyDocument.Statement,
);
/** EC2's read-only verbs: Describe…, and Get…/Search… (prefix-list entries, Transit Gateway routes). */
const isRead = (a: string) => /^ec2:(Describe|Get|Search)/.test(a);
/** EC2 endpoint actions, and the private hosted zone association a private-DNS create depends on. */
const isEndpointAction = (a: string) => a.startsWith('ec2:') || a.startsWith('vpce:') || a === 'route53:AssociateVPCWithHostedZone';

const BOT = '123456789012';
const SLACK_ROLE = `arn:aws:iam::${BOT}:role/privatelink-bot-prod-ap-northeast-1-lambdaRole`;
const WORKER_ROLE = `arn:aws:iam::${BOT}:role/privatelink-bot-prod-WorkerRole-ABC123`;
const MEMBER = { partition: 'aws', accountId: '111111111111', region: 'ap-northeast-1' };
const PARAMS = { SlackRoleArn: SLACK_ROLE, WorkerRoleArn: WORKER_ROLE, AllowedRegions: 'ap-northeast-1,us-east-1' };

function trust(parameters: Record<string, string>): Statement[] {
  return (evaluate(template, parameters, MEMBER, role.Properties.AssumeRolePolicyDocument) as { Statement: Statement[] }).Statement;
}

describe('deploy/member-role.yml', () => {
  it('is a CloudFormation template whose role ARN is an output, and asks for both bot roles', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(template.Outputs.RoleArn.Value).toEqual({ 'Fn::GetAtt': ['MemberRole', 'Arn'] });
    for (const name of ['SlackRoleArn', 'WorkerRoleArn', 'AllowedRegions']) expect(template.Parameters[name].Default, name).toBeUndefined();
    const arnPattern = new RegExp(template.Parameters.WorkerRoleArn.AllowedPattern);
    expect(arnPattern.test(WORKER_ROLE)).toBe(true);
    expect(arnPattern.test('arn:aws-cn:iam::123456789012:role/path/name')).toBe(true);
    expect(arnPattern.test('arn:aws:iam::12345:role/x')).toBe(false);
    expect(arnPattern.test('arn:aws:iam::123456789012:user/x')).toBe(false);
    // Role chaining (a Lambda role assuming another) caps sessions at one hour: more would be a promise AWS refuses.
    expect(role.Properties.MaxSessionDuration).toBe(3600);
  });

  it('trusts exactly the two bot roles, by aws:PrincipalArn within the bot account, with no external id unless one is set', () => {
    const [assume, ...rest] = trust(PARAMS);
    expect(assume).toEqual({
      Sid: 'BotFunctionsAssume',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${BOT}:root` },
      Action: 'sts:AssumeRole',
      Condition: { ArnEquals: { 'aws:PrincipalArn': [SLACK_ROLE, WORKER_ROLE] } },
    });
    expect(rest.map((s) => s.Action)).toEqual(['sts:TagSession']);
    expect(trust({ ...PARAMS, ExternalId: 'org-7f3a' })[0]!.Condition).toEqual({
      ArnEquals: { 'aws:PrincipalArn': [SLACK_ROLE, WORKER_ROLE] },
      StringEquals: { 'sts:ExternalId': 'org-7f3a' },
    });
    expect(template.Parameters.ExternalId.NoEcho).toBe(true);
  });

  it('lets only the worker tag its session, and only with the create tag the code sends', () => {
    const tagging = trust(PARAMS).filter((s) => actions(s).includes('sts:TagSession'));
    expect(tagging).toEqual([
      {
        Sid: 'WorkerTagsCreateSessions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${BOT}:root` },
        Action: 'sts:TagSession',
        Condition: {
          ArnEquals: { 'aws:PrincipalArn': WORKER_ROLE },
          StringEquals: { [`aws:RequestTag/${CREATE_SESSION_TAG.key}`]: CREATE_SESSION_TAG.value },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [CREATE_SESSION_TAG.key] },
        },
      },
    ]);
  });

  it('reads exactly the read-only calls the EC2 adapter makes, in the allowed regions', () => {
    const adapterReads = [
      ...new Set([...readFileSync('src/endpoints/ec2.ts', 'utf8').matchAll(/new sdk\.((?:Describe|Get|Search)\w+)Command\(/g)].map((m) => `ec2:${m[1]!}`)),
    ].sort();
    const reads = memberStatements.filter((s) => actions(s).some(isRead));
    expect(reads).toHaveLength(1);
    expect([...actions(reads[0]!)].sort()).toEqual(adapterReads);
    expect(reads[0]!.Resource).toBe('*');
    expect(reads[0]!.Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': { Ref: 'AllowedRegions' } } });
    // The read statement carries no session condition: the Slack function's untagged session may look up.
    const evaluated = evaluate(template, PARAMS, MEMBER, reads[0]!.Condition);
    expect(evaluated).toEqual({ StringEquals: { 'aws:RequestedRegion': ['ap-northeast-1', 'us-east-1'] } });
  });

  it("holds the worker role's create statements, each also requiring the worker's create session", () => {
    const workerCreates = workerStatements.filter((s) => actions(s).some((a) => isEndpointAction(a) && !isRead(a)));
    const memberCreates = memberStatements.filter((s) => actions(s).some((a) => !isRead(a)));
    expect(workerCreates.map((s) => s.Sid).sort()).toEqual(memberCreates.map((s) => s.Sid).sort());
    expect(memberCreates.length).toBeGreaterThanOrEqual(4);
    for (const worker of workerCreates) {
      const member = memberCreates.find((s) => s.Sid === worker.Sid)!;
      expect(member.Action, worker.Sid).toEqual(worker.Action);
      // Same ARNs: both templates name their own account with ${AWS::AccountId}.
      expect(member.Resource, worker.Sid).toEqual(worker.Resource);
      const { StringEquals, ...others } = (worker.Condition ?? {}) as { StringEquals?: Record<string, unknown> };
      // Route 53 is global: the worker's statement for it has no region condition, and neither has the member's.
      const regional = StringEquals && 'aws:RequestedRegion' in StringEquals;
      expect(member.Condition, worker.Sid).toEqual({
        ...others,
        StringEquals: {
          ...StringEquals,
          ...(regional && { 'aws:RequestedRegion': { Ref: 'AllowedRegions' } }),
          [`aws:PrincipalTag/${CREATE_SESSION_TAG.key}`]: CREATE_SESSION_TAG.value,
        },
      });
    }
  });

  it('grants no wildcard action and nothing beyond EC2 endpoints', () => {
    for (const s of memberStatements) {
      expect(s.Effect).toBe('Allow');
      for (const a of actions(s)) {
        expect(a, s.Sid).not.toContain('*');
        expect(isEndpointAction(a), `${s.Sid}: ${a}`).toBe(true);
      }
      if (s.Resource === '*') expect(actions(s).every(isRead), s.Sid).toBe(true);
    }
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

/** cfn-lint (AWS's CloudFormation linter: resource schemas, intrinsic functions, IAM policy grammar), when installed. */
const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });

describe.runIf(cfnLint.status === 0)('deploy/member-role.yml under cfn-lint', () => {
  it('passes with no error or warning', { timeout: 120_000 }, () => {
    const run = spawnSync('cfn-lint', ['deploy/member-role.yml'], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
