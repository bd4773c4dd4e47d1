/**
 * The sweep (every few minutes): finishes what a lost or crashed delivery left behind. Approved requests no
 * worker took, `creating` requests whose worker's lease ran out, expired pending requests, and endpoints
 * waiting for the provider's acceptance.
 */
import { Ec2Error, type Endpoint } from '../endpoints/ec2-api.js';
import { isExpired, transition, type EndpointRequest } from './model.js';
import type { Reminder } from './notify.js';
import { ec2InAccount, postInThread, refreshMessage, remindApprovers, tellRequester, updateRequest, type WorkflowDependencies } from './workflow.js';
import { dnsNames } from '../endpoints/dns.js';

/** An approved request older than this with no worker on it was lost on the way to the worker. */
export const HANDOFF_GRACE_MS = 60_000;

const lastChange = (r: EndpointRequest) => Date.parse(r.history.at(-1)?.at ?? r.createdAt);

/**
 * The reminder a pending request is due at `now`, if any: `half` from half its time on, `final` in its last hour
 * or its last tenth, whichever is shorter. Each is said once (recorded on the request); a request that reaches its
 * final window without the first gets only the final one.
 */
export function reminderDue(request: EndpointRequest, now: Date): Reminder | undefined {
  if (request.state !== 'pending') return undefined;
  const created = Date.parse(request.createdAt);
  const expires = Date.parse(request.expiresAt);
  const ttl = expires - created;
  const t = now.getTime();
  if (ttl <= 0 || t >= expires) return undefined;
  const said = request.notified ?? [];
  if (t >= expires - Math.min(3_600_000, ttl / 10)) return said.includes('reminder-final') ? undefined : 'final';
  if (t >= created + ttl / 2) return said.includes('reminder-half') || said.includes('reminder-final') ? undefined : 'half';
  return undefined;
}

export async function sweep(deps: WorkflowDependencies): Promise<{ expired: number; resumed: number; accepted: number; redrawn: number; reminded: number }> {
  const now = deps.now();
  const counts = { expired: 0, resumed: 0, accepted: 0, redrawn: 0, reminded: 0 };
  // Every open request and every stale message, however many: not the newest page of the table.
  for (const request of await deps.store.listForSweep()) {
    if (request.messageStale && !(request.state === 'creating' && request.lease && Date.parse(request.lease.until) > now.getTime())) {
      counts.redrawn++;
      await refreshMessage(deps, request);
    }
    if (isExpired(request, now)) {
      const expired = await updateRequest(deps.store, request.id, (c) => (isExpired(c, now) ? transition(c, 'expired', 'system', now) : undefined));
      if (expired?.changed) {
        counts.expired++;
        await refreshMessage(deps, expired.request);
        await postInThread(deps, expired.request, { kind: 'expired' });
        await tellRequester(deps, expired.request, { kind: 'expired' });
      }
    } else if (
      (request.state === 'approved' && now.getTime() - lastChange(request) >= HANDOFF_GRACE_MS) ||
      (request.state === 'creating' && (!request.lease || Date.parse(request.lease.until) <= now.getTime()))
    ) {
      counts.resumed++;
      await deps.jobs.enqueue({ kind: 'create', requestId: request.id });
    } else if (request.state === 'pending-acceptance' && request.endpointId) {
      if (await followAcceptance(deps, request)) counts.accepted++;
    } else {
      const which = reminderDue(request, now);
      if (which && (await remindApprovers(deps, request, which))) counts.reminded++;
    }
  }
  return counts;
}

async function followAcceptance(deps: WorkflowDependencies, request: EndpointRequest): Promise<boolean> {
  let endpoint: Endpoint | undefined;
  try {
    // A member account's endpoint is described there; an account gone from ACCOUNTS throws an Ec2Error.
    endpoint = (await ec2InAccount(deps, request.account, undefined, 'read').describeEndpoints(request.params.region, { ids: [request.endpointId!] }))[0];
  } catch (error) {
    if (error instanceof Ec2Error) return false;
    throw error;
  }
  const state = endpoint?.state.toLowerCase() ?? 'deleted';
  if (state === 'pendingacceptance' || state === 'pending') return false;
  const now = deps.now();
  const to = state === 'available' ? 'available' : 'failed';
  const endpointState = endpoint?.state ?? 'deleted';
  const result = await updateRequest(deps.store, request.id, (c) =>
    c.state === 'pending-acceptance'
      ? transition(c, to, 'system', now, {
          endpointState,
          ...(endpoint && { dns: dnsNames(endpoint, c.dns?.privateDnsName) }),
          // `partial` gets the create job's code for it (some subnets failed; the endpoint exists).
          ...(to === 'failed' && { failure: { code: state === 'partial' ? 'EndpointPartial' : endpointState, message: endpoint?.lastError?.message ?? '' } }),
        })
      : undefined,
  );
  if (!result?.changed) return false;
  const next = result.request;
  await refreshMessage(deps, next);
  await postInThread(deps, next, to === 'available' ? { kind: 'accepted', endpointId: request.endpointId! } : { kind: 'failed' });
  await tellRequester(deps, next, { kind: to });
  return to === 'available';
}
