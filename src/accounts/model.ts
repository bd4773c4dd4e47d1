/**
 * The AWS accounts the bot works in (ACCOUNTS): its own, `home`, and members reached by assuming a role in each.
 * Pure: parsing, validation and "did you mean"; the STS calls live in credentials.ts.
 */
import { closest, editDistance } from '../commands/suggest.js';
import type { Ec2Api } from '../endpoints/ec2-api.js';

/** The bot's own account: the credentials it runs with, no role to assume. */
export const HOME_ACCOUNT = 'home';

export interface Account {
  alias: string;
  /** The role assumed in that account; absent for home. */
  roleArn?: string;
  /** The 12-digit account id, read from the role ARN; absent for home. */
  accountId?: string;
}

export const HOME: Account = { alias: HOME_ACCOUNT };

/** What a configured alias looks like: lower-case, digits and hyphens, 1 to 31 characters. */
export const ALIAS_PATTERN = /^[a-z0-9][a-z0-9-]{0,30}$/;

/**
 * An IAM role ARN in the commercial, China or GovCloud partitions: account id of 12 digits, a role name with an
 * optional path. IAM's names: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
export const ROLE_ARN_PATTERN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64})$/;

/** Why ACCOUNTS was refused; config.ts turns it into a ConfigError naming the variable. */
export class AccountsError extends Error {
  constructor(readonly fix: string) {
    super(fix);
    this.name = 'AccountsError';
  }
}

/** The account id of a role ARN, or undefined when it is not one. */
export function accountIdOf(roleArn: string): string | undefined {
  return ROLE_ARN_PATTERN.exec(roleArn)?.[2];
}

/**
 * ACCOUNTS: comma-separated `alias=roleArn`. Always returns home first, then the members in the order given.
 * Throws AccountsError on a malformed entry, an alias reused or `home` claimed.
 */
export function parseAccounts(value: string | undefined): Account[] {
  const accounts: Account[] = [HOME];
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const roles = new Map<string, string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq < 0) throw new AccountsError(`${JSON.stringify(entry)} is not alias=roleArn (e.g. prod=arn:aws:iam::111111111111:role/privatelink-bot)`);
    const alias = entry.slice(0, eq).trim();
    const roleArn = entry.slice(eq + 1).trim();
    if (alias === HOME_ACCOUNT)
      throw new AccountsError(`the alias "home" is reserved for the bot's own account; choose another alias for ${JSON.stringify(roleArn)}`);
    if (!ALIAS_PATTERN.test(alias)) {
      throw new AccountsError(`${JSON.stringify(alias)} is not an alias: lower-case letters, digits and hyphens, starting with a letter or digit, at most 31`);
    }
    if (accounts.some((a) => a.alias === alias)) throw new AccountsError(`the alias ${JSON.stringify(alias)} is given twice; each account needs its own alias`);
    const accountId = accountIdOf(roleArn);
    if (accountId === undefined) {
      throw new AccountsError(`${JSON.stringify(roleArn)} (alias ${alias}) is not an IAM role ARN (arn:aws:iam::<12-digit account id>:role/<name>)`);
    }
    const other = roles.get(roleArn);
    if (other !== undefined) throw new AccountsError(`${alias} and ${other} name the same role ${JSON.stringify(roleArn)}; keep one alias`);
    roles.set(roleArn, alias);
    accounts.push({ alias, roleArn, accountId });
  }
  return accounts;
}

/** The configured accounts: home alone when ACCOUNTS is unset. */
export function accountsOf(accounts: readonly Account[] | undefined): readonly Account[] {
  return accounts && accounts.length > 0 ? accounts : [HOME];
}

export function findAccount(accounts: readonly Account[] | undefined, alias: string): Account | undefined {
  const wanted = alias.trim().toLowerCase();
  return accountsOf(accounts).find((a) => a.alias === wanted);
}

/**
 * The configured alias the user most likely meant: one that starts with or contains what was typed, else the
 * closest by edit distance within a third of its length (at least 1). Undefined when nothing is close.
 */
export function suggestAlias(input: string, accounts: readonly Account[] | undefined): string | undefined {
  const typed = input.trim().toLowerCase();
  if (!typed) return undefined;
  const aliases = accountsOf(accounts).map((a) => a.alias);
  const prefixed = aliases.find((a) => a.startsWith(typed) || typed.startsWith(a));
  if (prefixed) return prefixed;
  const containing = aliases.find((a) => a.includes(typed));
  if (containing) return containing;
  const best = closest(typed, aliases, Math.max(...aliases.map((a) => a.length), 0));
  return best && editDistance(typed, best) <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * What a member-account session is for: `read` (lookups, doctor, following an endpoint) or `create` (preflight's
 * DryRun and the create), which the member role's create statements require as a session tag
 * (deploy/member-role.yml); only the worker's role may set it.
 */
export type AccountPurpose = 'read' | 'create';

/** The EC2 port acting in a configured account, in a Slack user's name when there is one (estate.ts builds it). */
export type Ec2For = (account: string, onBehalfOf?: string, purpose?: AccountPurpose) => Ec2Api;

/** What a lookup needs to reach every configured account. */
export interface EstateAccess {
  ec2For: Ec2For;
  accounts?: readonly Account[];
  /** The Slack user asking: named in the AssumeRole session. */
  onBehalfOf?: string;
}

export function estateAccess(ec2For: Ec2For, accounts: readonly Account[] | undefined, onBehalfOf: string | undefined): EstateAccess {
  return { ec2For, ...(accounts && { accounts }), ...(onBehalfOf && { onBehalfOf }) };
}
