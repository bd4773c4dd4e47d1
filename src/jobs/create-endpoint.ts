/**
 * After approval: create the endpoint exactly once and follow it until it is usable.
 *
 * Exactly once rests on three things: the `approved → creating` move is a conditional write; a lease in the
 * record keeps a second delivery from working on the same request at the same time; and CreateVpcEndpoint
 * carries the request id as ClientToken, so a create repeated after a crash returns the same endpoint.
 * Polling has a deadline counted from the `creating` step, so a request never stays `creating` for ever.
 */
import { randomUUID } from 'node:crypto';
import { checkCommands } from '../endpoints/cli-hints.js';
import { dnsNames } from '../endpoints/dns.js';
import { Ec2Error, type Endpoint } from '../endpoints/ec2.js';
import { en } from '../messages.js';
import { transition, type EndpointRequest, type RequestState } from '../requests/model.js';
import { VersionConflict, patched } from '../requests/store.js';
import { postInThread, refreshMessage, updateRequest, type WorkflowDependencies } from '../requests/workflow.js';
import { escapeText } from '../slack/views/blocks.js';
import type { Progress } from '../slack/views/requests.js';

export interface CreateTiming {
  /** How long to follow a pending endpoint, counted from the `creating` step. */
  deadlineMs: number;
  /** Wait before each describe: first, then growing by half up to the maximum. */
  firstPollMs: number;
  maxPollMs: number;
  /** How long a worker's claim lasts without renewal. */
  leaseMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_TIMING: CreateTiming = {
  deadlineMs: 10 * 60_000,
  firstPollMs: 2000,
  maxPollMs: 15_000,
  leaseMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const WORKER = 'worker';

function elapsed(fromIso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(fromIso)) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function creatingSince(request: EndpointRequest): string {
  return [...request.history].reverse().find((h) => h.state === 'creating')?.at ?? request.createdAt;
}

export function resultText(endpoint: Endpoint, region: string, privateDnsName?: string): string {
  const names = dnsNames(endpoint, privateDnsName);
  const lines = [
    names.privateDnsName && `*${en.lookups.privateDns}:* \`${escapeText(names.privateDnsName)}\``,
    names.regional && `*${en.lookups.regional}:* \`${escapeText(names.regional)}\``,
    ...names.zonal.map((z) => `*${en.lookups.zonal}:* \`${escapeText(z.name)}\`  _${z.availabilityZone}_`),
  ].filter(Boolean);
  const commands = checkCommands(endpoint.serviceName, region, names);
  return [`*${en.create.dnsNames}*`, ...lines, ...(commands.length > 0 ? [`*${en.create.tryIt}*`, `\`\`\`${escapeText(commands.join('\n'))}\`\`\``] : [])].join('\n');
}

function failureText(error: Ec2Error): string {
  return en.ec2Problem(error.code, error.action, error.region, escapeText(error.message));
}

const endpointStates: Record<string, RequestState | undefined> = {
  available: 'available',
  pendingacceptance: 'pending-acceptance',
  failed: 'failed',
  rejected: 'failed',
  expired: 'failed',
  deleted: 'failed',
  deleting: 'failed',
};

export async function runCreateJob(deps: WorkflowDependencies, requestId: string, timing: CreateTiming = DEFAULT_TIMING): Promise<void> {
  const owner = randomUUID();
  const leaseUntil = () => new Date(deps.now().getTime() + timing.leaseMs).toISOString();
  const holdsNoLease = (r: EndpointRequest) => !r.lease || r.lease.owner === owner || Date.parse(r.lease.until) <= deps.now().getTime();

  // Claim: approved → creating, or take over a `creating` request whose worker's lease ran out.
  const claim = await updateRequest(deps.store, requestId, (current) => {
    if (current.state === 'approved') return transition(current, 'creating', WORKER, deps.now(), { lease: { owner, until: leaseUntil() } });
    if (current.state === 'creating' && holdsNoLease(current)) return patched(current, { lease: { owner, until: leaseUntil() } });
    return undefined;
  });
  if (!claim?.changed) {
    deps.log(`request ${requestId}: nothing to do here (state ${claim?.request.state ?? 'missing'}, held by another worker or finished)`);
    return;
  }
  let request = claim.request;
  if (request.history.at(-1)?.state === 'creating' && !request.endpointId) {
    await postInThread(deps, request, en.requests.approvedThread(request.decidedBy ?? ''));
  }

  /** A versioned write that only lands while this worker holds the lease. */
  const write = async (change: (current: EndpointRequest) => EndpointRequest): Promise<EndpointRequest> => {
    const result = await updateRequest(deps.store, requestId, (current) => (current.lease?.owner === owner ? change(current) : undefined));
    if (!result?.changed) throw new VersionConflict(requestId);
    return result.request;
  };
  const finish = async (to: RequestState, patch: Parameters<typeof transition>[4], progress: Progress, thread: string) => {
    request = await write((current) => transition(current, to, WORKER, deps.now(), { ...patch, lease: { owner, until: deps.now().toISOString() } }));
    await refreshMessage(deps, request, progress);
    await postInThread(deps, request, thread);
  };

  const p = request.params;
  let endpoint: Endpoint | undefined;
  if (!request.endpointId) {
    await refreshMessage(deps, request, { line: en.create.progress(undefined, en.create.starting, elapsed(creatingSince(request), deps.now())) });
    try {
      endpoint = await deps.ec2.createEndpoint(
        p.region,
        {
          vpcId: p.vpcId,
          serviceName: p.serviceName,
          subnetIds: p.subnetIds,
          securityGroupIds: p.securityGroupIds,
          privateDnsEnabled: p.privateDns,
          ...(p.ipAddressType && { ipAddressType: p.ipAddressType }),
          clientToken: request.id,
          tags: {
            Name: `${p.serviceName.split('.').at(-1)} (${request.id})`,
            'privatelink:request': request.id,
            'privatelink:requester': request.requester,
            'privatelink:approver': request.decidedBy ?? '',
          },
        },
        { dryRun: false },
      );
    } catch (error) {
      if (!(error instanceof Ec2Error)) throw error;
      const text = failureText(error);
      await finish('failed', { failure: { code: error.code, message: error.message } }, { result: `:red_circle: ${text}` }, en.create.threadFailed(request.requester, text));
      return;
    }
    if (!endpoint) throw new Error('CreateVpcEndpoint returned no endpoint');
    const created = endpoint;
    request = await write((current) => patched(current, { endpointId: created.id, endpointState: created.state, lease: { owner, until: leaseUntil() } }));
    await refreshMessage(deps, request, { line: en.create.progress(created.id, created.state, elapsed(creatingSince(request), deps.now())) });
    await postInThread(deps, request, en.create.threadCreated(created.id));
  }

  const endpointId = request.endpointId!;
  const deadline = Date.parse(creatingSince(request)) + timing.deadlineMs;
  let wait = timing.firstPollMs;
  for (;;) {
    const outcome = endpoint && endpointStates[endpoint.state.toLowerCase()];
    if (endpoint && outcome) {
      await settleEndpoint(endpoint, outcome);
      return;
    }
    if (deps.now().getTime() >= deadline) {
      const text = en.create.timedOut(endpointId, Math.round(timing.deadlineMs / 60_000));
      await finish('failed', { failure: { code: 'Timeout', message: text } }, { result: `:red_circle: ${text}` }, en.create.threadFailed(request.requester, text));
      return;
    }
    // Resuming with no endpoint in hand: describe at once; otherwise wait, longer each time.
    if (endpoint) {
      await timing.sleep(Math.min(wait, Math.max(0, deadline - deps.now().getTime())));
      wait = Math.min(timing.maxPollMs, Math.round(wait * 1.5));
    }
    let described: Endpoint | undefined;
    try {
      described = (await deps.ec2.describeEndpoints(p.region, { ids: [endpointId] }))[0];
    } catch (error) {
      if (!(error instanceof Ec2Error)) throw error;
      deps.log(`request ${requestId}: describe failed, will retry`, error);
    }
    if (!described) {
      await timing.sleep(timing.firstPollMs);
      continue;
    }
    const previous = request.endpointState;
    const seen = described.state;
    endpoint = described;
    request = await write((current) => patched(current, { endpointState: seen, lease: { owner, until: leaseUntil() } }));
    // A final state is reported once, by settleEndpoint.
    if (seen !== previous && !endpointStates[seen.toLowerCase()]) {
      await refreshMessage(deps, request, { line: en.create.progress(endpointId, seen, elapsed(creatingSince(request), deps.now())) });
      await postInThread(deps, request, en.create.threadState(endpointId, seen, elapsed(creatingSince(request), deps.now())));
    }
  }

  async function settleEndpoint(described: Endpoint, outcome: RequestState): Promise<void> {
    const names = dnsNames(described, undefined);
    const serviceDetails = await deps.ec2.describeServices(p.region, [p.serviceName]).then((s) => s[0], () => undefined);
    const privateDnsName = p.privateDns ? serviceDetails?.privateDnsName : undefined;
    const allNames = [dnsNames(described, privateDnsName).privateDnsName ?? names.privateDnsName, names.regional, ...names.zonal.map((z) => z.name)].filter((n): n is string => Boolean(n));
    const patch = { endpointState: described.state, dnsNames: allNames };
    if (outcome === 'available') {
      await finish('available', patch, { result: resultText(described, p.region, privateDnsName) }, en.create.threadAvailable(request!.requester, endpointId));
    } else if (outcome === 'pending-acceptance') {
      const serviceOwner = serviceDetails?.owner && serviceDetails.owner !== 'amazon' ? serviceDetails.owner : '';
      await finish('pending-acceptance', patch, { result: resultText(described, p.region) }, en.create.threadPendingAcceptance(request!.requester, endpointId, serviceOwner));
    } else {
      const detail = described.lastError ? `${described.lastError.code} ${described.lastError.message}` : '';
      const text = en.create.endpointFailed(endpointId, described.state, escapeText(detail));
      await finish('failed', { ...patch, failure: { code: described.lastError?.code ?? described.state, message: described.lastError?.message ?? '' } }, { result: `:red_circle: ${text}` }, en.create.threadFailed(request!.requester, text));
    }
  }
}
