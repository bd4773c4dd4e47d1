/**
 * What the Slack function's listeners are given: the parts the composition root (src/services.ts) builds once per
 * process. Declared here, beside the listeners, so that they depend on this shape and not on the root itself.
 */
import type { Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { Clock } from '../deadline.js';
import type { Ec2For } from '../accounts/model.js';
import type { Ec2Api } from '../endpoints/ec2-api.js';
import type { Messages } from '../i18n.js';
import type { JobQueue } from '../jobs/job.js';
import type { PreferenceStore } from '../preferences/store.js';
import type { RequestStore } from '../requests/store.js';
import type { WorkflowDependencies } from '../requests/workflow.js';
import type { SlackPort } from './port.js';

export interface WebClientLimits {
  /** Retries of a failed Web API call (429s honour Retry-After). */
  retries: number;
  timeoutMs: number;
}

export interface BotServices {
  config: Config;
  ec2: Ec2Api;
  /** The EC2 port acting in a configured account (ACCOUNTS): `home` is `ec2`; a member assumes its role, in the user's name. */
  ec2For: Ec2For;
  jobs: JobQueue;
  store: RequestStore;
  /** Each user's language (`/privatelink lang`): PREFERENCES_TABLE, else a file under DATA_DIR. */
  preferences: PreferenceStore;
  now: () => Date;
  /** How long after the request's arrival work may still run while Slack waits (a lookup, a store read, an approver check); then a job finishes it. */
  inlineWorkMs: number;
  /** The clock Slack's deadlines are measured on (tests drive their own). */
  clock?: Clock;
  logger: Logger;
  /** The channel's words (LOCALE): the approval card, its thread, the requester's messages. */
  channelMessages: Messages;
  /** The Web API calls use cases make, over one client with the Slack function's limits. */
  slack: SlackPort;
  /** The approval workflow's ports, built once per process. */
  workflow: WorkflowDependencies;
  /** The limits of the Bolt app's own client (views.open, views.publish, respond). */
  webClient: WebClientLimits;
}
