/** An endpoint request and its state machine. Pure: every change is a new record with one more history entry. */
import { createHash } from 'node:crypto';
import { DEFAULT_PORTS, type EndpointDnsNames, type EndpointParams, type PreflightCheck, type PrivateDnsMode } from '../aws/endpoint.js';

export type RequestState = 'pending' | 'approved' | 'creating' | 'available' | 'pending-acceptance' | 'failed' | 'rejected' | 'cancelled' | 'expired';

export const TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = {
  pending: ['approved', 'rejected', 'cancelled', 'expired'],
  approved: ['creating', 'failed'],
  creating: ['available', 'pending-acceptance', 'failed'],
  'pending-acceptance': ['available', 'failed'],
  available: [],
  failed: [],
  rejected: [],
  cancelled: [],
  expired: [],
};

/** How long the worker follows a pending endpoint before the request ends `failed` (Timeout). */
export const CREATE_DEADLINE_MINUTES = 10;

export const OPEN_STATES: readonly RequestState[] = ['pending', 'approved', 'creating', 'pending-acceptance'];

/** Records stored before the DNS modes held `privateDns` as a boolean and had no ports. */
type StoredParams = Omit<EndpointParams, 'privateDns' | 'ports'> & { privateDns: PrivateDnsMode | boolean; ports?: number[] };

/** A stored request in today's shape: old records read `privateDns: true/false` as 'on'/'off' and ports as [443]. */
export function readStoredRequest(stored: Omit<EndpointRequest, 'params'> & { params: StoredParams }): EndpointRequest {
  const p = stored.params;
  const privateDns: PrivateDnsMode = typeof p.privateDns === 'boolean' ? (p.privateDns ? 'on' : 'off') : p.privateDns;
  return { ...stored, params: { ...p, privateDns, ports: p.ports ?? [...DEFAULT_PORTS] } };
}

/** What an approval is bound to (src/requests/approval.ts), kept in the record beside `decidedBy`. */
export interface ApprovalSeal {
  by: string;
  /** The record's version once approved. */
  version: number;
  /** HMAC-SHA256, hex. */
  mac: string;
}

export interface HistoryEntry {
  state: RequestState;
  actor: string;
  at: string;
  note?: string;
}

export interface EndpointRequest {
  id: string;
  state: RequestState;
  /** Bumped by every change; stores write only if it is still the version read (optimistic locking). */
  version: number;
  requester: string;
  reason?: string;
  params: EndpointParams;
  preflight: PreflightCheck[];
  createdAt: string;
  expiresAt: string;
  /** Where the approval message is. */
  message?: { channel: string; ts: string };
  decidedBy?: string;
  /** The approval's seal (src/requests/approval.ts): the worker creates nothing for an approval without a valid one. */
  approval?: ApprovalSeal;
  endpointId?: string;
  endpointState?: string;
  /** The endpoint's names, once it exists: the approval message shows them. */
  dns?: EndpointDnsNames;
  /** EC2's error code and message, our `Timeout`, or the endpoint's final state. */
  failure?: { code: string; message: string };
  /** Set when an update of the approval message failed; the sweep redraws it. */
  messageStale?: boolean;
  /** The worker holding the request while it creates and polls; another worker waits until `until`. */
  lease?: { owner: string; until: string };
  history: HistoryEntry[];
  /** The approver's reason for a rejection (user text, shown quoted). */
  decisionReason?: string;
  /** What the requester and approvers have been told (`NoticeKey`s, src/requests/notify.ts): each is said once. */
  notified?: string[];
  /** The ACCOUNTS alias the endpoint is created in; absent: the bot's own account (`home`). */
  account?: string;
  /** That alias's 12-digit account when the request was filed: an alias pointed elsewhere since is refused. */
  accountId?: string;
}

/** JSON with object keys in order, so the same content always gives the same bytes (seals, submission keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A request id derived from something unique to one submission (Slack's trigger or view id): a retried submission maps to the same request. */
export function requestIdFor(submissionKey: string): string {
  const digest = createHash('sha256').update(submissionKey).digest();
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let id = '';
  for (let i = 0; i < 10; i++) id += alphabet[digest[i]! % 32];
  return `plr-${id}`;
}

export function newRequest(args: {
  id: string;
  requester: string;
  reason?: string;
  params: EndpointParams;
  preflight: PreflightCheck[];
  now: Date;
  ttlHours: number;
  account?: { alias: string; accountId?: string };
}): EndpointRequest {
  const createdAt = args.now.toISOString();
  return {
    id: args.id,
    state: 'pending',
    version: 1,
    requester: args.requester,
    ...(args.reason && { reason: args.reason }),
    params: args.params,
    preflight: args.preflight,
    createdAt,
    expiresAt: new Date(args.now.getTime() + args.ttlHours * 3_600_000).toISOString(),
    history: [{ state: 'pending', actor: args.requester, at: createdAt }],
    ...(args.account && { account: args.account.alias }),
    ...(args.account?.accountId && { accountId: args.account.accountId }),
  };
}

/**
 * Whether a request may still act in its account: `removed` when its alias left ACCOUNTS, `changed` when the alias
 * now names another account than the one the approver saw. A request in the bot's own account always may.
 */
export function accountStanding(
  request: Pick<EndpointRequest, 'account' | 'accountId'>,
  accounts: readonly { alias: string; accountId?: string }[],
): 'ok' | 'removed' | 'changed' {
  if (!request.account) return 'ok';
  const configured = accounts.find((a) => a.alias === request.account);
  if (!configured) return 'removed';
  if (request.accountId && configured.accountId && configured.accountId !== request.accountId) return 'changed';
  return 'ok';
}

export type Patch = Partial<
  Pick<
    EndpointRequest,
    'message' | 'decidedBy' | 'approval' | 'endpointId' | 'endpointState' | 'dns' | 'failure' | 'messageStale' | 'lease' | 'decisionReason' | 'notified'
  >
>;

export class IllegalTransition extends Error {
  constructor(
    readonly from: RequestState,
    readonly to: RequestState,
  ) {
    super(`a request cannot go from ${from} to ${to}`);
    this.name = 'IllegalTransition';
  }
}

export function canTransition(from: RequestState, to: RequestState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The record after moving to `to`, or IllegalTransition. `note` is kept in the history entry. */
export function transition(request: EndpointRequest, to: RequestState, actor: string, now: Date, patch: Patch = {}, note?: string): EndpointRequest {
  if (!canTransition(request.state, to)) throw new IllegalTransition(request.state, to);
  return {
    ...request,
    ...patch,
    state: to,
    version: request.version + 1,
    history: [...request.history, { state: to, actor, at: now.toISOString(), ...(note && { note }) }],
  };
}

export function isExpired(request: EndpointRequest, now: Date): boolean {
  return request.state === 'pending' && now.getTime() >= Date.parse(request.expiresAt);
}
