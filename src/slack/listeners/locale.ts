/** `/privatelink lang`: shows the user's language, or remembers a new one and answers in it. */
import type { Logger } from '@slack/bolt';
import { messagesFor } from '../../i18n.js';
import type { LangCommand } from '../../commands/parse.js';
import type { BotServices } from '../services.js';
import { noticeView, type SlackMessage } from '../views/blocks.js';
import type { Language } from '../in-time.js';

export async function langCommand(
  command: LangCommand,
  services: Pick<BotServices, 'preferences'>,
  userId: string,
  language: Language,
  logger: Pick<Logger, 'error'>,
): Promise<SlackMessage> {
  if (!command.locale) return noticeView(language.msg.lang.current(language.msg.lang.names[language.locale], language.chosen));
  try {
    await services.preferences.setLocale(userId, command.locale);
  } catch (error) {
    logger.error(`could not store the language of ${userId}`, error);
    return noticeView(language.msg.lang.notSaved);
  }
  const msg = messagesFor(command.locale);
  return noticeView(msg.lang.set(msg.lang.names[command.locale]));
}
