/** Where requests live. Every write is conditional on the version read, so concurrent writers cannot both win. */
import type { EndpointRequest, Patch } from './model.js';

export class VersionConflict extends Error {
  constructor(readonly requestId: string) {
    super(`request ${requestId} was changed by someone else`);
    this.name = 'VersionConflict';
  }
}

export interface RequestStore {
  /** Stores a new request; false when one with this id exists already (a repeated submission). */
  create(request: EndpointRequest): Promise<boolean>;
  get(id: string): Promise<EndpointRequest | undefined>;
  /** Writes `next` only if the stored version is `next.version - 1`; otherwise VersionConflict. */
  replace(next: EndpointRequest): Promise<void>;
  /** Newest first. */
  list(options: { openOnly: boolean; limit: number }): Promise<EndpointRequest[]>;
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
