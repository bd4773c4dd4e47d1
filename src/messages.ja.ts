/**
 * The Japanese catalog. Stand-in: replaced at merge by the translated catalog (the "ja" helper's
 * src/messages.ja.ts, the same structure as src/messages.ts). Until then it speaks English.
 */
import { en, type Messages } from './messages.js';

export const ja: Messages = en;
