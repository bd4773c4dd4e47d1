/** Which catalog speaks to whom: a user's own choice (`/privatelink lang`), else LOCALE; the channel speaks LOCALE. */
import type { Logger } from '@slack/bolt';
import { messagesFor, resolveLocale, type Locale, type Messages } from '../../i18n.js';
import type { LangCommand } from '../../commands/parse.js';
import type { BotServices } from '../services.js';
import { realClock, settleBy } from '../../deadline.js';
import { noticeView } from '../views/blocks.js';
import type { SlackMessage } from '../views/blocks.js';

export const configuredLocale = (services: Pick<BotServices, 'config'>): Locale => services.config.locale ?? 'en';

/** A job's `locale`, carried only when it differs from LOCALE (the worker falls back to LOCALE). */
export const localeField = (services: Pick<BotServices, 'config'>, locale: Locale): { locale?: Locale } =>
  locale === configuredLocale(services) ? {} : { locale };

/** The channel's words: the approval card, its thread, the requester's DMs, the sweep's redraws. */
export const channelMessagesOf = (services: Pick<BotServices, 'config'>): Messages => messagesFor(configuredLocale(services));

/** How long a listener waits for the user's language before it speaks LOCALE: the read comes before every answer. */
export const PREFERENCE_READ_MS = 500;

/**
 * The user's remembered language; a store that cannot answer, or not within PREFERENCE_READ_MS, falls back to
 * LOCALE (logged), never fails or delays the command.
 */
export async function userLocale(
  services: Pick<BotServices, 'config' | 'preferences' | 'clock'>,
  userId: string,
  logger: Pick<Logger, 'warn'>,
): Promise<{ locale: Locale; chosen: boolean }> {
  let preference: Locale | undefined;
  const clock = services.clock ?? realClock;
  try {
    const read = await settleBy(clock, clock.now() + PREFERENCE_READ_MS, () => services.preferences.getLocale(userId));
    if (read) preference = read.value;
    else logger.warn(`the language of ${userId} was not read within ${PREFERENCE_READ_MS} ms; speaking LOCALE`);
  } catch (error) {
    logger.warn(`could not read the language of ${userId}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { locale: resolveLocale(preference, configuredLocale(services)), chosen: preference !== undefined };
}

/** The words of what only this user sees: ephemeral answers, modals. */
export async function userMessages(
  services: Pick<BotServices, 'config' | 'preferences' | 'clock'>,
  userId: string,
  logger: Pick<Logger, 'warn'>,
): Promise<Messages> {
  return messagesFor((await userLocale(services, userId, logger)).locale);
}

/** `lang` shows the current language; `lang en|ja` remembers it and answers in the new one. */
export async function langCommand(
  command: LangCommand,
  services: Pick<BotServices, 'config' | 'preferences' | 'clock'>,
  userId: string,
  logger: Pick<Logger, 'warn' | 'error'>,
): Promise<SlackMessage> {
  if (!command.locale) {
    const { locale, chosen } = await userLocale(services, userId, logger);
    const msg = messagesFor(locale);
    return noticeView(msg.lang.current(msg.lang.names[locale], chosen));
  }
  try {
    await services.preferences.setLocale(userId, command.locale);
  } catch (error) {
    logger.error(`could not store the language of ${userId}`, error);
    return noticeView((await userMessages(services, userId, logger)).lang.notSaved);
  }
  const msg = messagesFor(command.locale);
  return noticeView(msg.lang.set(msg.lang.names[command.locale]));
}
