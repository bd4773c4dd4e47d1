/**
 * The one place that picks a message catalog. Everything else is handed the `Messages` it speaks: views and
 * renderers take them as a parameter, the Slack listeners pick them per user (ephemeral answers, modals) or per
 * channel (`LOCALE`: the approval card, thread posts, DMs), the CLI from `--lang` or `LANG`.
 */
import { en, type Messages } from './messages.js';
import { ja } from './messages.ja.js';

import { isLocale, type Locale } from './locale.js';

export type { Messages };
export { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from './locale.js';

const catalogs: Record<Locale, Messages> = { en, ja };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}

/** A user's language: their own choice (`/privatelink lang`), else the deployment's `LOCALE`. */
export function resolveLocale(preference: Locale | undefined, configured: Locale): Locale {
  return preference ?? configured;
}

/**
 * The language of a POSIX locale name such as `ja_JP.UTF-8`, `en_US`, `ja` or `C`: its language part, when it is a
 * catalog we have. `C`/`POSIX` and other languages give undefined (the caller falls back to English).
 */
export function localeFromPosix(value: string | undefined): Locale | undefined {
  const language =
    value
      ?.trim()
      .split(/[_.@-]/)[0]
      ?.toLowerCase() ?? '';
  return isLocale(language) ? language : undefined;
}
