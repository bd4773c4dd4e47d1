// The `accounts` deploy parameter (ACCOUNTS: `alias=roleArn,…`) read for serverless.yml: the member-account role
// ARNs the bot's functions may assume (`${file(./deploy/accounts.cjs):roleArns}`). A malformed entry stops the
// deploy with the parameter named, as a malformed ACCOUNTS stops the bot at start-up.
'use strict';

const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** The role ARNs of `alias=roleArn,…` (empty → none), each once. */
function roleArnsOf(value) {
  const arns = [];
  for (const entry of String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    const arn = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (!ROLE_ARN.test(arn)) {
      throw new Error(`accounts: "${entry}" is not alias=arn:aws:iam::<12-digit account>:role/<name> (deploy parameter accounts, ACCOUNTS)`);
    }
    if (!arns.includes(arn)) arns.push(arn);
  }
  return arns;
}

module.exports = {
  roleArnsOf,
  roleArns: async ({ resolveVariable }) => roleArnsOf(await resolveVariable('param:accounts')),
};
