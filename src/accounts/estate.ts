/**
 * The EC2 port for any configured account: home is the bot's own adapter; a member account gets an EC2 adapter whose
 * credentials come from the credential cache (AssumeRole into that account's role, in the Slack user's name).
 */
import type { Config } from '../config.js';
import { type Ec2AdapterOptions, createEc2Adapter } from '../endpoints/ec2.js';
import { Ec2Error, type Ec2Api } from '../endpoints/ec2-api.js';
import { type CredentialCache, credentialCache, sessionName, stsAssumeRole } from './credentials.js';
import { type Account, type Ec2For, HOME_ACCOUNT, findAccount } from './model.js';

/** `ec2For(account, onBehalfOf)`: the EC2 port acting in that account; throws Ec2Error AccountNotConfigured for an alias not in ACCOUNTS. */
export type { Ec2For };

export interface EstateOptions {
  accounts?: readonly Account[];
  /** The bot's own account. */
  home: Ec2Api;
  /** Credentials for the members; by default AssumeRole over STS in `stsRegion`. */
  credentials?: CredentialCache;
  externalId?: string;
  stsRegion?: string;
  /** Builds the EC2 adapter of a member account (tests and the bench point it at an emulator). */
  adapter?: (options: Ec2AdapterOptions) => Ec2Api;
  /** Adapters kept (one per account and user); the oldest is dropped beyond this. */
  maxAdapters?: number;
}

const DEFAULT_STS_REGION = 'us-east-1';

export function estateEc2(options: EstateOptions): Ec2For {
  const maxAdapters = options.maxAdapters ?? 500;
  const adapter = options.adapter ?? createEc2Adapter;
  let credentials = options.credentials;
  const adapters = new Map<string, Ec2Api>();

  return (alias, onBehalfOf, purpose = 'read') => {
    if (alias === HOME_ACCOUNT) return options.home;
    const account = findAccount(options.accounts, alias);
    if (!account) throw new Ec2Error('AccountNotConfigured', `${alias} is not in ACCOUNTS`, 'sts:AssumeRole', '', alias);
    if (!account.roleArn) return options.home;
    const key = `${account.alias} ${sessionName(onBehalfOf)} ${purpose}`;
    const known = adapters.get(key);
    if (known) return known;
    credentials ??= credentialCache({
      assumeRole: stsAssumeRole({ region: options.stsRegion ?? DEFAULT_STS_REGION }),
      ...(options.externalId && { externalId: options.externalId }),
    });
    const cache = credentials;
    const made = namingAccount(adapter({ clientConfig: { credentials: () => cache.get(account, onBehalfOf, purpose) } }), account.alias);
    if (adapters.size >= maxAdapters) adapters.delete(adapters.keys().next().value!);
    adapters.set(key, made);
    return made;
  };
}

/** The EC2 port of each configured account from the Config: home is `home`; the members' roles are assumed with STS in the bot's region. */
export function estateFromConfig(config: Pick<Config, 'accounts' | 'accountsExternalId' | 'defaultRegion'>, home: Ec2Api): Ec2For {
  return estateEc2({
    home,
    ...(config.accounts && { accounts: config.accounts }),
    ...(config.accountsExternalId && { externalId: config.accountsExternalId }),
    ...(config.defaultRegion && { stsRegion: config.defaultRegion }),
  });
}

/** A member account's errors carry its alias, so a message can say in which account a permission is missing. */
function namingAccount(ec2: Ec2Api, alias: string): Ec2Api {
  return new Proxy(ec2, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => {
          throw error instanceof Ec2Error && !error.account ? new Ec2Error(error.code, error.message, error.action, error.region, alias) : error;
        });
    },
  });
}
