/**
 * The request lifecycle's shared parts: its ports (`WorkflowDependencies`), the versioned write every step makes,
 * and the telling of people (the card, its thread, the requester) through the notifier port. The steps are beside
 * it: submit.ts, decide.ts, create.ts (and its following of the endpoint), sweep.ts. Every state change is a
 * conditional write, so double clicks, concurrent approvers and retried deliveries produce one outcome.
 */
import type { Account, Ec2For } from '../accounts/model.js';
import type { ApprovalConfig } from '../config.js';
import { Ec2Error, type Ec2Api } from '../endpoints/ec2-api.js';
import type { RegionPolicy } from '../endpoints/lookups.js';
import type { JobQueue } from '../jobs/job.js';
import type { NoticeKey, Notifier, Progress, Reminder, RequesterNotice, ThreadNote } from './notify.js';
import type { EndpointRequest } from './model.js';
import { VersionConflict, patched, type RequestStore } from './store.js';
import type { Approvers } from './types.js';

export interface WorkflowDependencies {
  store: RequestStore;
  ec2: Ec2Api;
  /** Who may decide (APPROVER_*). */
  approvers: Approvers;
  /** The approval card, its thread and the requester's direct messages, in the channel's language (LOCALE). */
  notifier: Notifier;
  jobs: JobQueue;
  approvals: ApprovalConfig;
  regions: RegionPolicy;
  now: () => Date;
  log: (message: string, error?: unknown) => void;
  /** Member accounts (ACCOUNTS): the EC2 port of each, and the allow-list re-checked at approval and creation. */
  ec2For?: Ec2For;
  accounts?: readonly Account[];
  /**
   * The key approvals are sealed and verified with (APPROVAL_KEY, from SSM on Lambda; under DATA_DIR locally).
   * Read when first needed; absent, approvals carry no seal and the worker creates nothing.
   */
  approvalKey?: () => Promise<string | undefined>;
  /** Reader allow-lists exist (READER_*): refusals name no configured alias. */
  quietAccounts?: boolean;
}

/** The EC2 port a request acts through: its member account's (in `onBehalfOf`'s name) or, absent, the bot's own. */
export function ec2InAccount(
  deps: Pick<WorkflowDependencies, 'ec2' | 'ec2For'>,
  account: string | undefined,
  onBehalfOf: string | undefined,
  purpose: 'read' | 'create',
): Ec2Api {
  if (!account) return deps.ec2;
  if (!deps.ec2For) throw new Ec2Error('AccountNotConfigured', `${account} is not in ACCOUNTS`, 'sts:AssumeRole', '', account);
  return deps.ec2For(account, onBehalfOf, purpose);
}

export function approvalsConfigured(approvals: ApprovalConfig): boolean {
  return Boolean(approvals.channelId && (approvals.userIds.length > 0 || approvals.usergroupId));
}

/**
 * Re-reads and retries a versioned write until it lands or `change` declines (returns undefined).
 * `changed` says whether this call wrote: the record alone cannot tell a win from someone else's write.
 * `read`, a copy the caller has just read, saves the first read: the write is still conditional on its version.
 */
export async function updateRequest(
  store: RequestStore,
  id: string,
  change: (current: EndpointRequest) => EndpointRequest | undefined,
  read?: EndpointRequest,
): Promise<{ request: EndpointRequest; changed: boolean } | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = attempt === 0 && read?.id === id ? read : await store.get(id);
    if (!current) return undefined;
    const next = change(current);
    if (!next) return { request: current, changed: false };
    try {
      await store.replace(next);
      return { request: next, changed: true };
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
    }
  }
  throw new VersionConflict(id);
}

/**
 * Redraws the approval message from the stored record, read fresh: a caller holding an older copy (a worker whose
 * lease lapsed, a sweep's listing) cannot draw the card backwards. `progress` is drawn only while the record is
 * still the one the caller passed. After drawing, the record is read again; if it changed meanwhile (another
 * writer may have drawn before this update landed), the card is drawn again from the newer record. A failed
 * update is never fatal: the record is marked `messageStale` and the sweep redraws it later.
 */
export async function refreshMessage(
  deps: Pick<WorkflowDependencies, 'notifier' | 'log' | 'store'>,
  request: EndpointRequest,
  progress?: Progress,
): Promise<void> {
  const reread = async (fallback: EndpointRequest) => (await deps.store.get(request.id).catch(() => undefined)) ?? fallback;
  let fresh = await reread(request);
  if (!fresh.message) return;
  let line = fresh.version === request.version ? progress : undefined;
  let stale = false;
  for (let round = 0; round < 3; round++) {
    const drawn = fresh;
    try {
      await deps.notifier.drawCard(drawn, line);
      stale = false;
    } catch (error) {
      deps.log(`could not update the approval message of ${request.id}`, error);
      stale = true;
      break;
    }
    fresh = await reread(drawn);
    if (deps.notifier.sameCard(fresh, drawn)) break;
    line = undefined;
  }
  if (Boolean(fresh.messageStale) === stale) return;
  try {
    await updateRequest(deps.store, request.id, (current) => (Boolean(current.messageStale) === stale ? undefined : patched(current, { messageStale: stale })));
  } catch (error) {
    deps.log(`could not record whether the message of ${request.id} is stale`, error);
  }
}

/** Posts in the card's thread; a failure is logged, never fatal (the card itself carries the state). */
export async function postInThread(deps: Pick<WorkflowDependencies, 'notifier' | 'log'>, request: EndpointRequest, note: ThreadNote): Promise<void> {
  if (!request.message) return;
  try {
    await deps.notifier.thread(request, note);
  } catch (error) {
    deps.log(`could not post in the thread of ${request.id}`, error);
  }
}

/**
 * Records `key` in the request unless it is there already; true when this call recorded it (and so must say it).
 * Recorded before it is said: a retried job or a second worker finds the key and stays quiet, so nobody is told
 * twice; a crash between the write and the message loses that one message (logged), which beats repeating it.
 */
async function claimNotice(deps: Pick<WorkflowDependencies, 'store' | 'log'>, id: string, key: NoticeKey): Promise<EndpointRequest | undefined> {
  try {
    const result = await updateRequest(deps.store, id, (current) =>
      current.notified?.includes(key) ? undefined : patched(current, { notified: [...(current.notified ?? []), key] }),
    );
    return result?.changed ? result.request : undefined;
  } catch (error) {
    deps.log(`request ${id}: could not record that ${key} was said; not saying it`, error);
    return undefined;
  }
}

/**
 * Tells the requester by direct message, once per outcome, after the outcome is recorded. A failed message is
 * logged and never fails the workflow. Gives the record as this call left it (the note of what was said bumps its
 * version), or `request` when it wrote nothing.
 */
export async function tellRequester(
  deps: Pick<WorkflowDependencies, 'notifier' | 'store' | 'log'>,
  request: EndpointRequest,
  notice: RequesterNotice,
): Promise<EndpointRequest> {
  const claimed = await claimNotice(deps, request.id, notice.kind);
  if (!claimed) return request;
  try {
    await deps.notifier.dm(claimed, notice);
  } catch (error) {
    deps.log(`request ${request.id}: could not tell the requester (${notice.kind}) by direct message`, error);
  }
  return claimed;
}

/** Calls the approvers in the card's thread, once per reminder. */
export async function remindApprovers(
  deps: Pick<WorkflowDependencies, 'notifier' | 'store' | 'log'>,
  request: EndpointRequest,
  which: Reminder,
): Promise<boolean> {
  const claimed = await claimNotice(deps, request.id, `reminder-${which}`);
  if (!claimed) return false;
  await postInThread(deps, claimed, { kind: 'reminder', which });
  return true;
}

export function regionAllowed(region: string, policy: RegionPolicy): boolean {
  return !policy.allowedRegions || policy.allowedRegions.includes(region);
}
