/**
 * Who may read (READER_USER_IDS / READER_USERGROUP_ID): unset, everyone in the workspace; set, only the listed
 * users, members of the user group, and approvers. Checked once, where `/privatelink` dispatches a command, so a
 * new command is covered unless it is added here as open.
 */
import type { ApprovalConfig, ReaderConfig } from '../config.js';
import type { Messages } from '../i18n.js';

/**
 * Commands anyone may use: help, the compare walkthrough and the language reveal nothing about this AWS account;
 * `create` and `cancel` are governed by the approval workflow (anyone may ask, only approvers decide, only the
 * requester cancels). Everything else (lookups, request lists and status, and commands added later) is a read.
 */
export const OPEN_COMMANDS: ReadonlySet<string> = new Set(['help', 'compare', 'lang', 'create', 'cancel']);

export interface ReaderAccess {
  readers?: ReaderConfig;
  approvals: ApprovalConfig;
  /** Members of a Slack user group (usergroups.users.list). */
  usergroupMembers: (usergroupId: string) => Promise<string[]>;
}

export async function mayUse(command: string, user: string, access: ReaderAccess): Promise<boolean> {
  const { readers, approvals } = access;
  if (!readers || OPEN_COMMANDS.has(command)) return true;
  if (readers.userIds.includes(user) || approvals.userIds.includes(user)) return true;
  for (const group of [readers.usergroupId, approvals.usergroupId]) {
    if (group && (await access.usergroupMembers(group)).includes(user)) return true;
  }
  return false;
}

/** mayUse for a listener: 'unknown' when Slack could not say who is in a user group (refused, with an apology). */
export async function readerCheck(
  command: string,
  user: string,
  access: ReaderAccess,
  logger: { error: (...m: unknown[]) => void },
): Promise<'allowed' | 'refused' | 'unknown'> {
  try {
    return (await mayUse(command, user, access)) ? 'allowed' : 'refused';
  } catch (error) {
    logger.error('could not check whether the user is a reader', error);
    return 'unknown';
  }
}

/** Why a reader check did not let the user in, in their words ('too-slow': Slack did not answer in time). */
export function refusalText(access: 'refused' | 'unknown' | 'too-slow', en: Messages): string {
  return access === 'refused' ? en.readers.onlyReaders : access === 'too-slow' ? en.readers.checkTooSlow : en.internalError;
}
