// The baseline a team would otherwise deploy: Bolt's AWS Lambda example shape, unbundled, with the EC2 client
// loaded at the top as usual, answering /privatelink help and compare with plain text.
const { App, AwsLambdaReceiver } = require('@slack/bolt');
const { EC2Client } = require('@aws-sdk/client-ec2');

const receiver = new AwsLambdaReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  // Known ids, as ours: no auth.test call (and no network here).
  botId: process.env.SLACK_BOT_ID,
  botUserId: process.env.SLACK_BOT_USER_ID,
  receiver,
});
const ec2 = new EC2Client({ region: process.env.AWS_REGION });

app.command('/privatelink', async ({ command, ack }) => {
  const [sub] = command.text.split(' ');
  if (sub === 'compare') return ack({ response_type: 'ephemeral', text: 'Recommendation: endpoint service' });
  return ack({ response_type: 'ephemeral', text: `usage: /privatelink help|compare (region ${await ec2.config.region()})` });
});

module.exports.handler = async (event, context) => {
  const handler = await receiver.start();
  return handler(event, context);
};
