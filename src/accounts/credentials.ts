/**
 * Credentials for the member accounts: STS AssumeRole into each account's role, cached until shortly before they
 * expire, one call in flight per role and session however many lookups ask at once. Credentials are never logged
 * and never put in an error. STS is loaded only when a member account is used.
 */
import type { STSClient, STSClientConfig } from '@aws-sdk/client-sts';
import { Ec2Error, THROTTLING_CODES } from '../endpoints/ec2-api.js';
import { CREATE_SESSION_TAG } from '../endpoints/create-call.js';
import type { Account, AccountPurpose } from './model.js';

export interface AssumedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface AssumeRoleInput {
  roleArn: string;
  sessionName: string;
  externalId?: string;
  durationSeconds: number;
  /** Session tags: the create session carries CREATE_SESSION_TAG (the caller needs sts:TagSession too). */
  tags?: { key: string; value: string }[];
}

/** One AssumeRole call; rejects with an Ec2Error whose code says what to fix. */
export type AssumeRole = (input: AssumeRoleInput) => Promise<AssumedCredentials>;

/**
 * STS's RoleSessionName: 2 to 64 characters of [\w+=,.@-]
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html). CloudTrail records it, so it names
 * the bot and, when a person asked, the Slack user: `privatelink-bot-U012ABCDEF`.
 */
export const SESSION_NAME_PREFIX = 'privatelink-bot';
const SESSION_NAME_MAX = 64;

export function sessionName(onBehalfOf?: string): string {
  const user = (onBehalfOf ?? '').replace(/[^\w+=,.@-]/g, '-');
  return (user ? `${SESSION_NAME_PREFIX}-${user}` : SESSION_NAME_PREFIX).slice(0, SESSION_NAME_MAX);
}

/** One hour: the least every role allows (a role's maximum session is 1 to 12 hours), and the default. */
export const SESSION_SECONDS = 3600;
/** Credentials are renewed this long before they expire, so no call goes out with credentials about to lapse. */
export const REFRESH_BEFORE_MS = 5 * 60_000;

export interface CredentialCacheOptions {
  assumeRole: AssumeRole;
  externalId?: string;
  /** Milliseconds since the epoch; tests pass a manual clock. */
  now?: () => number;
  refreshBeforeMs?: number;
}

export interface CredentialCache {
  /** Credentials for a member account, assumed on behalf of a Slack user when there is one. */
  get(account: Account, onBehalfOf?: string, purpose?: AccountPurpose): Promise<AssumedCredentials>;
  /** How many AssumeRole calls were made (the bench reports it). */
  readonly calls: number;
}

export function credentialCache(options: CredentialCacheOptions): CredentialCache {
  const now = options.now ?? Date.now;
  const refreshBeforeMs = options.refreshBeforeMs ?? REFRESH_BEFORE_MS;
  const cached = new Map<string, Promise<AssumedCredentials>>();
  let calls = 0;

  function fresh(credentials: AssumedCredentials): boolean {
    return credentials.expiration.getTime() - refreshBeforeMs > now();
  }

  async function get(account: Account, onBehalfOf?: string, purpose: AccountPurpose = 'read'): Promise<AssumedCredentials> {
    if (!account.roleArn) throw new Ec2Error('AccountNotConfigured', `${account.alias} has no role to assume`, 'sts:AssumeRole', '', account.alias);
    const name = sessionName(onBehalfOf);
    const key = `${account.roleArn} ${name} ${purpose}`;
    const pending = cached.get(key);
    if (pending) {
      const credentials = await pending.catch(() => undefined);
      if (credentials && fresh(credentials)) return credentials;
      if (cached.get(key) !== pending) return get(account, onBehalfOf, purpose);
    }
    calls++;
    const call = options
      .assumeRole({
        roleArn: account.roleArn,
        sessionName: name,
        ...(options.externalId && { externalId: options.externalId }),
        durationSeconds: SESSION_SECONDS,
        ...(purpose === 'create' && { tags: [{ key: CREATE_SESSION_TAG.key, value: CREATE_SESSION_TAG.value }] }),
      })
      .catch((error: unknown) => {
        if (cached.get(key) === call) cached.delete(key);
        throw error instanceof Ec2Error && !error.account ? withAccount(error, account.alias) : error;
      });
    cached.set(key, call);
    return call;
  }

  return {
    get,
    get calls() {
      return calls;
    },
  };
}

function withAccount(error: Ec2Error, alias: string): Ec2Error {
  return new Ec2Error(error.code, error.message, error.action, error.region, alias);
}

export interface StsOptions {
  /** The region whose STS endpoint is called: the bot's own (regional endpoints; AWS_ENDPOINT_URL_STS overrides). */
  region: string;
  clientConfig?: Partial<STSClientConfig>;
}

type Sdk = typeof import('../sdk/sts.js');

/** AssumeRole over @aws-sdk/client-sts with the bot's own credentials, the client built on first use. */
export function stsAssumeRole(options: StsOptions): AssumeRole {
  let client: Promise<{ sdk: Sdk; client: STSClient }> | undefined;
  const load = () =>
    (client ??= import('../sdk/sts.js').then((sdk) => ({
      sdk,
      client: new sdk.STSClient({
        region: options.region,
        maxAttempts: 3,
        requestHandler: { connectionTimeout: 2000, requestTimeout: 5000, throwOnRequestTimeout: true },
        ...options.clientConfig,
      }),
    })));
  return async (input) => {
    try {
      const { sdk, client } = await load();
      const out = await client.send(
        new sdk.AssumeRoleCommand({
          RoleArn: input.roleArn,
          RoleSessionName: input.sessionName,
          DurationSeconds: input.durationSeconds,
          ...(input.externalId && { ExternalId: input.externalId }),
          ...(input.tags && { Tags: input.tags.map((t) => ({ Key: t.key, Value: t.value })) }),
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
        throw new Ec2Error('AuthFailure', 'STS answered AssumeRole without credentials', 'sts:AssumeRole', options.region);
      }
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: new Date(c.Expiration) };
    } catch (error) {
      throw stsError(error, options.region, input.roleArn);
    }
  };
}

/** STS's failures as the codes the catalog explains: a denied AssumeRole is the member role's trust policy. */
export function stsError(error: unknown, region: string, roleArn: string): Ec2Error {
  if (error instanceof Ec2Error) return error;
  const e = error as { name?: string; code?: string; message?: string; $metadata?: unknown };
  const message = `${roleArn}: ${e?.message ?? String(error)}`;
  const action = 'sts:AssumeRole';
  if (e?.name === 'AccessDenied' || e?.name === 'AccessDeniedException') return new Ec2Error('AssumeRoleDenied', message, action, region);
  if (e?.name === 'RegionDisabledException') return new Ec2Error('AssumeRoleDenied', message, action, region);
  if (e?.name && THROTTLING_CODES.has(e.name)) return new Ec2Error('Throttling', message, action, region);
  if (e?.name === 'AbortError') return new Ec2Error('Aborted', message, action, region);
  if (e?.name === 'CredentialsProviderError' || /credential/i.test(e?.name ?? '')) return new Ec2Error('NoCredentials', message, action, region);
  if (e?.code && /^E[A-Z]+$/.test(e.code) && e.code !== 'ETIMEDOUT') return new Ec2Error('Unreachable', message, action, region);
  if (e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT') return new Ec2Error('Timeout', message, action, region);
  if (e?.$metadata !== undefined && e.name) return new Ec2Error(e.name, message, action, region);
  return new Ec2Error('Unreachable', message, action, region);
}
