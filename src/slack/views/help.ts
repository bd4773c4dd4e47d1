/** Usage and error views: help, parse errors with the usage line, plain notices. */
import type { ParseError, Subcommand } from '../../commands/parse.js';
import { SUBCOMMANDS } from '../../commands/parse.js';
import { messagesFor, type Messages } from '../../i18n.js';
import { code } from '../../mrkdwn.js';
import { context, escapeText, header, message, section, type SlackMessage } from './blocks.js';

/** English when no catalog is given (the CLI's and the tests' default). */
const english = messagesFor('en');

export function helpView(en: Messages = english): SlackMessage {
  const lines = SUBCOMMANDS.map((name) => `${code(en.examples[name].example)}\n      ${en.examples[name].what}`);
  return message(en.helpTitle, [header(en.helpTitle), section(lines.join('\n')), context(en.helpFooter)]);
}

function commandOf(error: ParseError): Subcommand | undefined {
  return 'command' in error ? error.command : undefined;
}

export function parseErrorView(error: ParseError, en: Messages = english): SlackMessage {
  const text = escapeText(en.parseError(error));
  const command = commandOf(error);
  const usage = command ? en.usage[command] : en.usage.help;
  return message(text, [section(`:warning: ${text}`), context(`${en.usageLabel} ${code(usage)}`)]);
}
