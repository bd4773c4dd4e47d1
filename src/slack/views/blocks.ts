/**
 * Block Kit building blocks that respect Slack's limits: Slack rejects a whole message when one text is too
 * long or there are too many blocks, so every builder truncates here rather than trusting its input.
 */
import type { SlackMessage } from '../port.js';
import type { ActionsBlock, Button, ConfirmationDialog, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { stripControls } from './sanitize.js';

export const LIMITS = {
  messageBlocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  contextElements: 10,
  fallbackText: 3000,
} as const;

/**
 * Outside text made safe for mrkdwn: controls stripped, then Slack's one escaping rule (`escapeMrkdwn`, see
 * src/mrkdwn.ts), so user text cannot mention `<!channel>` or hide a link.
 */
export function escapeText(text: string): string {
  return escapeMrkdwn(stripControls(text));
}

/** Slack sends slash-command text with &, < and > escaped; this gives back what the user typed. */
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(stripControls(text), LIMITS.headerText), emoji: true } };
}

export function section(text: string, accessory?: Button): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(stripControls(text), LIMITS.sectionText) }, ...(accessory && { accessory }) };
}

export function fields(pairs: [label: string, value: string][]): SectionBlock {
  return {
    type: 'section',
    fields: pairs
      .slice(0, LIMITS.fields)
      .map(([label, value]) => ({ type: 'mrkdwn', text: truncate(stripControls(`*${label}*\n${value}`), LIMITS.fieldText) })),
  };
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text: truncate(stripControls(text), LIMITS.sectionText) })),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  if (value.length > LIMITS.buttonValue) throw new Error(`button value over ${LIMITS.buttonValue} characters: ${actionId}`);
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: truncate(actionId, LIMITS.actionId),
    value,
    ...(style && { style }),
  };
}

/**
 * A confirmation dialog. Slack documents title, confirm and deny as plain_text only, and the dialog's text at most
 * 300 characters (title 100, buttons 30): https://api.slack.com/reference/block-kit/composition-objects#confirm.
 * plain_text throughout, so what it shows is exactly the text given, with nothing to escape.
 */
export function confirmDialog(title: string, text: string, confirm: string, deny: string): ConfirmationDialog {
  const plain = (value: string, max: number) => ({ type: 'plain_text' as const, text: truncate(stripControls(value), max) });
  return { title: plain(title, 100), text: plain(text, 300), confirm: plain(confirm, 30), deny: plain(deny, 30) };
}

export function actions(blockId: string, elements: Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: elements.slice(0, LIMITS.actionsElements) };
}

/** Splits long text into sections at line breaks, each within the section limit. */
export function sections(text: string): SectionBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= LIMITS.sectionText) current = candidate;
    else {
      if (current) chunks.push(current);
      current = truncate(line, LIMITS.sectionText);
    }
  }
  if (current) chunks.push(current);
  return chunks.map((chunk) => section(chunk));
}

/** Caps a message at Slack's block limit, replacing the overflow by one line that says what was left out. */
export function capBlocks(blocks: KnownBlock[], overflowNote: (hidden: number) => string, max: number = LIMITS.messageBlocks): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(overflowNote(blocks.length - kept.length))];
}

// The message type lives with the Slack port (../port.ts); views build it.
export type { SlackMessage };

export function message(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: truncate(stripControls(text), LIMITS.fallbackText), blocks };
}

/** A one-line answer: a notice, a refusal, an outcome. */
export function noticeView(text: string): SlackMessage {
  return message(text, [section(text)]);
}

/** A notice posted to a response_url beside the message clicked (it replaces nothing), seen only by the clicker. */
export function ephemeralNote(text: string): SlackMessage & { response_type: 'ephemeral'; replace_original: false } {
  return { response_type: 'ephemeral', replace_original: false, ...noticeView(text) };
}
