// One cold start: load a handler module in this fresh process, then serve signed slash commands, as Lambda would
// after a cold start. Scenario `help`: one help then one compare event. Scenario `dns` / `describe`: one
// `dns vpce-…` (or `describe vpce-…`) answered from EC2 (BENCH_ENDPOINT, the emulator on loopback); the answer
// must carry the endpoint's DNS names, i.e. be the real answer, not a hand-off.
// Prints a JSON line with the timings; the parent measures the whole process too.
const { createHmac } = require('node:crypto');
const path = require('node:path');

const started = process.hrtime.bigint();
const [modulePath, exportName, scenario = 'help'] = process.argv.slice(2);
const secret = process.env.SLACK_SIGNING_SECRET;

function event(text) {
  const body = new URLSearchParams({
    token: 'x',
    team_id: 'T0TEAM',
    channel_id: 'C0CHAN',
    user_id: 'U0ALICE',
    command: '/privatelink',
    text,
    response_url: 'https://hooks.slack.com/commands/T0TEAM/1/x',
    trigger_id: '1.2.3',
    api_app_id: 'A0APP',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    version: '2.0',
    routeKey: 'POST /slack/events',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature },
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
    requestContext: {},
  };
}

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;

(async () => {
  const handler = require(path.resolve(modulePath))[exportName];
  const loaded = ms(started);
  let firstMs;
  if (scenario === 'help') {
    const help = await handler(event('help'), {});
    firstMs = ms(started);
    const compare = await handler(event('compare target=own-service overlap=yes'), {});
    if (help.statusCode !== 200 || compare.statusCode !== 200) throw new Error(`status ${help.statusCode}/${compare.statusCode}`);
  } else {
    const endpoint = process.env.BENCH_ENDPOINT;
    const answer = await handler(event(`${scenario} ${endpoint}`), {});
    firstMs = ms(started);
    if (answer.statusCode !== 200 || !answer.body.includes(`${endpoint}-`))
      throw new Error(`${scenario}: not answered in-line: ${answer.statusCode} ${answer.body.slice(0, 300)}`);
  }
  const total = ms(started);
  const cpu = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ loadMs: loaded, helpMs: firstMs, totalMs: total, cpuMs: (cpu.user + cpu.system) / 1000, rssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
  // Kept-alive sockets to the emulator would hold the process open: a Lambda would freeze here.
  process.exit(0);
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
