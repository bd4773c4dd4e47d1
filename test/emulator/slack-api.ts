/** A Slack Web API and response_url endpoint on loopback, for running the real local server in tests. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
}

export interface FakeSlackServer {
  url: string;
  apiUrl: string;
  responseUrl: (name: string) => string;
  calls: SlackCall[];
  close(): Promise<void>;
}

function decode(body: string, contentType: string | undefined): Record<string, unknown> {
  const raw: Record<string, unknown> = contentType?.includes('json') ? JSON.parse(body || '{}') : Object.fromEntries(new URLSearchParams(body));
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v]));
}

export async function startFakeSlack(): Promise<FakeSlackServer> {
  const calls: SlackCall[] = [];
  let ts = 1_700_000_000;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const args = decode(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
      const method = (req.url ?? '').replace(/^\/api\//, '');
      calls.push({ method, args });
      const answer = method === 'chat.postMessage' ? { ok: true, channel: args.channel, ts: `${++ts}.000100` } : { ok: true, users: [] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/`,
    responseUrl: (name) => `${url}/response/${name}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
