/** Each user's remembered choices (today: the language of the bot's answers to them). The port only. */
import type { Locale } from '../locale.js';

export interface PreferenceStore {
  /** The user's language, or undefined when they never chose one (then LOCALE applies). */
  getLocale(userId: string): Promise<Locale | undefined>;
  setLocale(userId: string, locale: Locale): Promise<void>;
}

/** Slack user ids (U…, W…): the only keys a store accepts, so a key can never name a path or an attribute. */
export function assertUserId(userId: string): void {
  if (!/^[UW][A-Z0-9]{2,}$/.test(userId)) throw new Error(`not a Slack user id: ${userId}`);
}

/** A stored value read back: only a language the bot still speaks counts. */
export function storedLocale(value: unknown): Locale | undefined {
  return value === 'en' || value === 'ja' ? value : undefined;
}
