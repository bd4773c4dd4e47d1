/**
 * The local HTTP door (`npm start` without SLACK_APP_TOKEN): a plain Node HTTP server that hands each request to
 * the Lambda function's handler as an HTTP API (v2) event.
 *
 * Why this shape rather than Bolt's HTTPReceiver with a wrapper: the Lambda handler already runs the one request
 * check (src/slack/verify.ts) in front of Bolt's real AwsLambdaReceiver, so adapting HTTP to it gives both doors
 * the same checks, the same Bolt receiver and the same responses by construction. HTTPReceiver has no hook to run
 * checks before it reads the body, and its own verification accepts future timestamps and any digits.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsEvent, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver';
import type { Logger } from '@slack/bolt';
import { SLACK_BUDGET, realClock, withArrival, type Clock } from '../deadline.js';

const ANSWERED = Symbol('answered');

/** The Lambda function's handler, as the door calls it (src/handler.ts builds it). */
export type HttpHandler = (event: AwsEvent, context: unknown) => Promise<AwsResponse>;

export const SLACK_EVENTS_PATH = '/slack/events';
/**
 * The largest body either door reads, in bytes (src/slack/verify.ts checks it for the Lambda door). Slack's payloads
 * are a few kilobytes; a click on the App Home carries the whole view, which the bot keeps within Block Kit's limits.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * How long a client may take and how many may be connected at once. Slack sends each request at once over a short
 * connection, so a slow or idle client is cut off quickly and the door holds a bounded number of sockets. Node
 * checks the header and request timeouts every `checkEveryMs` (its default is 30 s, which let a slow client hold a
 * socket 30 s past its timeout): https://nodejs.org/docs/latest-v20.x/api/http.html#httpcreateserveroptions-requestlistener
 */
export interface DoorLimits {
  /** All the headers must have arrived within this, from the connection's first byte. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) must have arrived within this. */
  requestTimeoutMs: number;
  /** How often Node looks for requests past those two timeouts. */
  checkEveryMs: number;
  /** A kept-alive connection with no request in flight is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way is closed after this (the handler answers within Slack's 3 s). */
  idleTimeoutMs: number;
  /** Connections beyond this are closed as they arrive. */
  maxConnections: number;
}

export const DOOR_LIMITS: DoorLimits = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  checkEveryMs: 1_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 15_000,
  // A burst of Slack requests (each on its own connection) fits: test/local.deadline.e2e.test.ts sends 200 at once.
  maxConnections: 256,
};

export interface HttpDoor {
  server: Server;
  url: string;
  close: () => Promise<void>;
}

class BodyTooLarge extends Error {}

/** The body, or BodyTooLarge once it passes MAX_BODY_BYTES (the rest is read and discarded, so a 413 can be sent). */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      request.resume();
      return reject(new BodyTooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function toEvent(request: IncomingMessage, path: string, body: Buffer): AwsEvent {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
  return {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers,
    // As API Gateway does: the raw bytes in base64, decoded by the handler as UTF-8.
    body: body.toString('base64'),
    isBase64Encoded: true,
    requestContext: { http: { method: 'POST', path } },
  } as AwsEvent;
}

/**
 * How long the answer took from the request's arrival, and when it arrived (Unix time in ms), as a Server-Timing
 * header (https://www.w3.org/TR/server-timing/): a bench or a test reads the server's own figure, which excludes
 * the client's queueing on the same machine, and can tell how long the request waited before the server saw it.
 * Slack ignores it.
 */
export const serverTiming = (ms: number, arrivedAtUnixMs: number) => `app;dur=${ms.toFixed(1)}, arrival;desc="${arrivedAtUnixMs.toFixed(1)}"`;

/**
 * Serves `handler` at POST /slack/events on host:port (port 0: any free port); anything else gets 404/405.
 * Slack's deadlines count from the moment the request's headers arrived, before its body is read.
 */
export async function serveSlackHttp(
  handler: HttpHandler,
  options: { host: string; port: number; logger: Logger; clock?: Clock; limits?: Partial<DoorLimits> },
): Promise<HttpDoor> {
  const { logger } = options;
  const clock = options.clock ?? realClock;
  const limits = { ...DOOR_LIMITS, ...options.limits };
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkEveryMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  };
  const server = createServer(serverOptions, (request, response) => {
    const arrivedAt = clock.now();
    const arrivedAtUnixMs = Date.now();
    const path = (request.url ?? '').split('?')[0] ?? '';
    const send = (status: number, body = '', headers: Record<string, string> = {}) => {
      if (!response.headersSent) response.writeHead(status, { ...headers, 'server-timing': serverTiming(clock.now() - arrivedAt, arrivedAtUnixMs) }).end(body);
    };
    if (path !== SLACK_EVENTS_PATH) return send(404);
    if (request.method !== 'POST') return send(405, '', { allow: 'POST' });
    readBody(request)
      .then((body) =>
        answerInTime(
          withArrival(arrivedAt, () => handler(toEvent(request, path, body), {})),
          arrivedAt,
        ),
      )
      .then((result) => {
        const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
        send(result.statusCode, result.body ?? '', headers);
      })
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) return send(413);
        logger.error('local HTTP door: the handler failed', error);
        send(500);
      });
  });
  /**
   * The catch-all: if the handler has not answered by SLACK_BUDGET.answerBy after arrival (a step without its own
   * deadline hangs, say a store that does not answer), Slack gets an empty 200 rather than a timeout error, and
   * the handler's work goes on in this process. (Not on Lambda: there, answering freezes the unfinished work.)
   */
  async function answerInTime(handled: Promise<AwsResponse>, arrivedAt: number): Promise<AwsResponse> {
    const stop = new AbortController();
    const late = clock.sleepUntil(arrivedAt + SLACK_BUDGET.answerBy, stop.signal).then(() => undefined);
    try {
      const result = await Promise.race([handled, late]);
      if (result) return result;
    } finally {
      stop.abort(ANSWERED);
    }
    handled.then(
      () => logger.warn('local HTTP door: answered after the deadline; Slack had an empty acknowledgement'),
      (error: unknown) => logger.error('local HTTP door: the handler failed after the deadline', error),
    );
    logger.warn(`local HTTP door: no answer ${SLACK_BUDGET.answerBy} ms after arrival; acknowledged with an empty 200, the work goes on`);
    return { statusCode: 200, body: '' };
  }

  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  // A flood of refused connections writes one line per thousand, not one each.
  let dropped = 0;
  server.on('drop', () => {
    if (dropped++ % 1000 === 0) logger.warn(`local HTTP door: refused a connection beyond ${limits.maxConnections} at once (${dropped} so far)`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}${SLACK_EVENTS_PATH}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
