/** Where requests live. Every write is conditional on the version read, so concurrent writers cannot both win. */
import { OPEN_STATES, type EndpointRequest, type Patch } from './model.js';

export class VersionConflict extends Error {
  constructor(readonly requestId: string) {
    super(`request ${requestId} was changed by someone else`);
    this.name = 'VersionConflict';
  }
}

export class HistoryRewrite extends Error {
  constructor(readonly requestId: string) {
    super(`request ${requestId}: a write may only add to the history, never change it`);
    this.name = 'HistoryRewrite';
  }
}

/** The audit trail is append-only: `next` must keep every entry of `current`, in order, unchanged. */
export function assertHistoryExtends(current: EndpointRequest, next: EndpointRequest): void {
  const kept = current.history.every((entry, i) => JSON.stringify(entry) === JSON.stringify(next.history[i]));
  if (!kept || next.history.length < current.history.length || next.requester !== current.requester || next.createdAt !== current.createdAt) {
    throw new HistoryRewrite(next.id);
  }
}

export interface RequestStore {
  /** Stores a new request; false when one with this id exists already (a repeated submission). */
  create(request: EndpointRequest): Promise<boolean>;
  get(id: string): Promise<EndpointRequest | undefined>;
  /**
   * Writes `next` only if the stored version is `next.version - 1` (otherwise VersionConflict) and `next` keeps
   * the stored history (otherwise HistoryRewrite).
   */
  replace(next: EndpointRequest): Promise<void>;
  /** Newest first. */
  list(options: { openOnly: boolean; limit: number }): Promise<EndpointRequest[]>;
  /** Every request the sweep must look at: all open ones and all whose message is stale, however many (every page). */
  listForSweep(): Promise<EndpointRequest[]>;
}

/** What the sweep looks at: open requests, and finished ones whose approval message still needs a redraw. */
export function needsSweep(request: EndpointRequest): boolean {
  return OPEN_STATES.includes(request.state) || Boolean(request.messageStale);
}

/** A change that is not a state change (where the message is, endpoint progress): versioned, no history entry. */
export function patched(request: EndpointRequest, patch: Patch): EndpointRequest {
  return { ...request, ...patch, version: request.version + 1 };
}

/** How long a finished request's record is kept (DynamoDB TTL); the approval thread keeps the story too. */
export const RETENTION_DAYS = 400;

export function purgeAtEpochSeconds(request: EndpointRequest): number {
  return Math.floor(Date.parse(request.expiresAt) / 1000) + RETENTION_DAYS * 86_400;
}
