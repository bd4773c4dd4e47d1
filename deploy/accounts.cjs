// The `accounts` deploy parameter (ACCOUNTS: `alias=roleArn,…`) read for serverless.yml: the member-account role
// ARNs the bot's functions may assume (`${file(./deploy/accounts.cjs):roleArns}`). It applies the rules of
// src/accounts/model.ts (parseAccounts; test/deploy/deploy-config.test.ts keeps the two in step), so a value the bot
// would refuse at start-up stops the deploy instead, with the parameter named.
'use strict';

const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64})$/;
const ALIAS = /^[a-z0-9][a-z0-9-]{0,30}$/;

/** The role ARNs of `alias=roleArn,…`, in order (empty → none). */
function roleArnsOf(value) {
  const aliases = new Set(['home']);
  const arns = [];
  const refuse = (entry, why) => {
    throw new Error(`deploy parameter accounts (ACCOUNTS): ${JSON.stringify(entry)} ${why}`);
  };
  for (const entry of String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    if (eq < 0) refuse(entry, 'is not alias=roleArn');
    const alias = entry.slice(0, eq).trim();
    const arn = entry.slice(eq + 1).trim();
    if (!ALIAS.test(alias)) refuse(entry, 'has no valid alias (lower-case letters, digits and hyphens, at most 31)');
    if (aliases.has(alias)) refuse(entry, alias === 'home' ? 'uses the reserved alias home' : 'repeats an alias');
    if (!ROLE_ARN.test(arn)) refuse(entry, 'has no IAM role ARN (arn:aws:iam::<12-digit account id>:role/<name>)');
    if (arns.includes(arn)) refuse(entry, 'repeats a role ARN');
    aliases.add(alias);
    arns.push(arn);
  }
  return arns;
}

module.exports = {
  roleArnsOf,
  roleArns: async ({ resolveVariable }) => roleArnsOf(await resolveVariable('param:accounts')),
};
