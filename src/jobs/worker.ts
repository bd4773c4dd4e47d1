/** The worker: runs jobs handed off by the Slack function (Lambda) or the local queue, with the same code. */
import type { Logger } from '@slack/bolt';
import { parseCommand } from '../commands/parse.js';
import type { Config } from '../config.js';
import type { Ec2Api } from '../endpoints/ec2.js';
import { isLookup, runLookup } from '../endpoints/lookups.js';
import { postToResponseUrl } from '../slack/respond.js';
import { lookupView } from '../slack/views/endpoints.js';
import type { Job } from './queue.js';

export interface WorkerDependencies {
  config: Config;
  ec2: Ec2Api;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export function createWorker(deps: WorkerDependencies): (job: Job) => Promise<void> {
  return async (job) => {
    switch (job.kind) {
      case 'lookup': {
        const parsed = parseCommand(job.text);
        if (!parsed.ok || !isLookup(parsed.command)) {
          deps.logger.warn('lookup job with a text that is not a lookup; dropped');
          return;
        }
        const result = await runLookup(parsed.command, deps.ec2, deps.config);
        await postToResponseUrl(job.responseUrl, { replace_original: true, response_type: 'ephemeral', ...lookupView(result) });
        return;
      }
      case 'create':
        deps.logger.warn('create jobs are not handled yet');
        return;
    }
  };
}
