// The baseline a team would otherwise deploy: Bolt's AWS Lambda example shape, unbundled, with the EC2 client
// loaded at the top as usual, answering /privatelink help and compare with plain text, and dns/describe of one
// endpoint with one DescribeVpcEndpoints call, its DNS names as plain text.
const { App, AwsLambdaReceiver } = require('@slack/bolt');
const { EC2Client, DescribeVpcEndpointsCommand } = require('@aws-sdk/client-ec2');

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
  const [sub, id] = command.text.split(' ');
  if (sub === 'compare') return ack({ response_type: 'ephemeral', text: 'Recommendation: endpoint service' });
  if (sub === 'dns' || sub === 'describe') {
    const { VpcEndpoints = [] } = await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }));
    const names = VpcEndpoints.flatMap((e) => (e.DnsEntries ?? []).map((d) => d.DnsName));
    return ack({ response_type: 'ephemeral', text: names.join('\n') || 'no such endpoint' });
  }
  return ack({ response_type: 'ephemeral', text: `usage: /privatelink help|compare|dns (region ${await ec2.config.region()})` });
});

module.exports.handler = async (event, context) => {
  const handler = await receiver.start();
  return handler(event, context);
};
