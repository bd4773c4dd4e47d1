/**
 * serverless.yml resolved by serverless itself (`serverless print`, two runs of the CLI): in the slow project
 * (`npm run test:slow`); the file's own shape is tested in deploy-config.test.ts.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';

const load = createRequire(path.resolve('package.json'));

it('resolves through serverless itself, with and without accounts', { timeout: 180_000 }, async () => {
  const print = (...args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [load.resolve('osls/bin/serverless.js'), 'print', '--stage', 'ci', '--format', 'json', ...args], {
        env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', SLS_DEPRECATION_DISABLE: '*' },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ code, out, err }));
    });
  const accounts = 'prod=arn:aws:iam::111111111111:role/privatelink-bot,dev=arn:aws:iam::222222222222:role/privatelink-bot';
  const [withAccounts, without] = await Promise.all([print(`--param=accounts=${accounts}`), print()]);
  for (const r of [withAccounts, without]) expect(r.code, r.err + r.out).toBe(0);
  const resolved = (r: { out: string }) => JSON.parse(r.out);
  const a = resolved(withAccounts);
  expect(a.provider.environment.ACCOUNTS).toBe(accounts);
  for (const name of ['SlackAssumesMemberRoles', 'WorkerAssumesMemberRoles'])
    expect(a.resources.Resources[name].Properties.PolicyDocument.Statement[0].Resource, name).toEqual([
      'arn:aws:iam::111111111111:role/privatelink-bot',
      'arn:aws:iam::222222222222:role/privatelink-bot',
    ]);
  expect(a.resources.Conditions.HasMemberAccounts).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [accounts, ''] }] });
  const b = resolved(without);
  expect(b.provider.environment.ACCOUNTS).toBe('');
  // Not created: the condition is false.
  expect(b.resources.Conditions.HasMemberAccounts).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['', ''] }] });
});
