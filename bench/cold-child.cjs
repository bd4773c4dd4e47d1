// One cold start: load a handler module in this fresh process, then serve signed slash commands, as Lambda would
// after a cold start. Scenario `help`: one help then one compare event. Scenario `dns` / `describe`: one
// `dns vpce-…` (or `describe vpce-…`) answered from EC2 (BENCH_ENDPOINT, the emulator on loopback). The answer
// is either in-line (it carries the endpoint's DNS names) or a hand-off: on a loaded machine the lookup can pass
// its in-line budget (counted from the process's start), and the bot answers "Looking up…" (BENCH_LOOKING_UP)
// after invoking the worker (the parent's fake Lambda counts the invocation). Anything else is an error.
// Prints a JSON line with the timings and how it was answered; the parent measures the whole process too.
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
  /** `in-line` (the real answer) or `handed-off` (to the worker); help and compare are always in-line. */
  let answered = 'in-line';
  if (scenario === 'help') {
    const help = await handler(event('help'), {});
    firstMs = ms(started);
    const compare = await handler(event('compare target=own-service overlap=yes'), {});
    if (help.statusCode !== 200 || compare.statusCode !== 200) throw new Error(`status ${help.statusCode}/${compare.statusCode}`);
  } else {
    const endpoint = process.env.BENCH_ENDPOINT;
    const answer = await handler(event(`${scenario} ${endpoint}`), {});
    firstMs = ms(started);
    const lookingUp = process.env.BENCH_LOOKING_UP;
    if (answer.statusCode === 200 && answer.body.includes(`${endpoint}-`)) answered = 'in-line';
    else if (answer.statusCode === 200 && lookingUp && answer.body.includes(lookingUp)) answered = 'handed-off';
    else throw new Error(`${scenario}: neither answered in-line nor handed off: ${answer.statusCode} ${answer.body.slice(0, 300)}`);
  }
  const total = ms(started);
  const cpu = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ loadMs: loaded, helpMs: firstMs, totalMs: total, cpuMs: (cpu.user + cpu.system) / 1000, rssMiB: process.resourceUsage().maxRSS / 1024, answered })}\n`,
  );
  // Kept-alive sockets to the emulator would hold the process open: a Lambda would freeze here.
  process.exit(0);
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
