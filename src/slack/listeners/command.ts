/** `/privatelink`: parse the text, answer fast, hand anything slow to a job. */
import type { App, RespondArguments } from '@slack/bolt';
import { parseCommand, type Command } from '../../commands/parse.js';
import { decide } from '../../decision/engine.js';
import { reportDecision } from '../../decision/report.js';
import { en } from '../../messages.js';
import { compareResultView } from '../views/compare.js';
import { unescapeText, type SlackMessage } from '../views/blocks.js';
import { helpView, noticeView, parseErrorView } from '../views/help.js';
import { compareView } from './compare.js';

const ephemeral = (view: SlackMessage): RespondArguments => ({ response_type: 'ephemeral', ...view });

function answer(command: Command): SlackMessage {
  switch (command.name) {
    case 'help':
      return helpView();
    case 'compare':
      // No answers: the walkthrough. Answers given: the result at once, with what could still change it.
      return command.order.length === 0 ? compareView({}, []) : compareResultView(reportDecision(decide(command.answers)), command.answers, command.order);
    default:
      return noticeView(en.notAvailableYet(command.name));
  }
}

export function registerCommand(app: App): void {
  app.command('/privatelink', async ({ command, ack }) => {
    const parsed = parseCommand(unescapeText(command.text ?? ''));
    await ack(ephemeral(parsed.ok ? answer(parsed.command) : parseErrorView(parsed.error)));
  });
}
