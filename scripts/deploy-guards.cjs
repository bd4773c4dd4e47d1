// A local Serverless plugin (serverless.yml, `plugins: - ./scripts/deploy-guards.cjs`): a deploy refuses to go out
// without approvers unless `--param="approvals=off"` says so, and says at deploy whether the worker-failure alarm
// notifies anyone (`--param="alarmTopicArn=arn:aws:sns:…"`). It runs once the configuration is resolved, before
// packaging and before anything is sent to AWS (the `initialize` hook, as Serverless's own deploy plugin tells a
// deploy apart there); `serverless package` (npm run package, CI) and `deploy function` are not checked.
// Its sentences are for the person deploying, in the deploy's output: they are not the bot's words (src/messages.ts).
'use strict';

const CHANNEL = /^[CG][A-Z0-9]+$/;
const USER = /^[UW][A-Z0-9]+$/;
const USERGROUP = /^S[A-Z0-9]+$/;
const SNS_TOPIC = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;

const HOW =
  'Pass --param="approvalChannelId=C…" with --param="approverUserIds=U…,U…" or --param="approverUsergroupId=S…" (docs/operations.md, "Deploy to AWS"), ' +
  'or --param="approvals=off" to deploy a bot that looks up endpoints but cannot create them.';

const list = (value) =>
  String(value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * What the deploy's parameters come to: `problems` refuse it, `warnings` are said and let it go on.
 * `params`: the resolved `custom.deployGuards` of serverless.yml.
 */
function checkDeployParams(params) {
  const problems = [];
  const warnings = [];
  const approvals = String(params.approvals ?? 'on').trim();
  const channel = String(params.approvalChannelId ?? '').trim();
  const users = list(params.approverUserIds);
  const group = String(params.approverUsergroupId ?? '').trim();
  if (approvals !== 'on' && approvals !== 'off') {
    problems.push(`approvals=${JSON.stringify(approvals)} is neither on nor off.`);
  } else if (approvals === 'on') {
    if (!channel) problems.push('No approvals channel (approvalChannelId) and approvals are on: requests would have nowhere to go.');
    else if (!CHANNEL.test(channel))
      problems.push(`approvalChannelId=${JSON.stringify(channel)} is not a channel id (C… or G…; right-click the channel → Copy link).`);
    if (users.length === 0 && !group)
      problems.push('No approvers (approverUserIds or approverUsergroupId) and approvals are on: nobody could approve a request.');
    if (!channel || (users.length === 0 && !group)) problems.push(HOW);
    const badUsers = users.filter((u) => !USER.test(u));
    if (badUsers.length > 0) problems.push(`approverUserIds holds ${badUsers.map((u) => JSON.stringify(u)).join(', ')}: not user ids (U… or W…).`);
    if (group && !USERGROUP.test(group)) problems.push(`approverUsergroupId=${JSON.stringify(group)} is not a user group id (S…).`);
  } else {
    warnings.push('approvals=off: this deploy has no approvers; /privatelink create will answer that approvals are not set up.');
  }
  const topic = String(params.alarmTopicArn ?? '').trim();
  if (!topic) {
    warnings.push(
      'No alarmTopicArn: the worker-failure alarm will change state but notify no one. Pass --param="alarmTopicArn=arn:aws:sns:REGION:ACCOUNT:TOPIC" to be told.',
    );
  } else if (!SNS_TOPIC.test(topic)) {
    problems.push(`alarmTopicArn=${JSON.stringify(topic)} is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:TOPIC).`);
  }
  return { problems, warnings };
}

class DeployGuards {
  constructor(serverless, _options, utils) {
    const log = utils?.log;
    this.hooks = {
      initialize: () => {
        if (serverless.processedInput?.commands?.join(' ') !== 'deploy') return;
        const { problems, warnings } = checkDeployParams(serverless.service.custom?.deployGuards ?? {});
        for (const warning of warnings) (log?.warning ?? console.warn)(warning);
        if (problems.length === 0) return;
        const message = `Deploy refused:\n- ${problems.join('\n- ')}`;
        throw serverless.classes?.Error ? new serverless.classes.Error(message) : new Error(message);
      },
    };
  }
}

module.exports = DeployGuards;
module.exports.checkDeployParams = checkDeployParams;
