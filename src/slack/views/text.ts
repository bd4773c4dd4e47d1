/** Renders Block Kit messages as terminal text, so the CLI shows exactly what Slack would. */
import type { KnownBlock } from '@slack/types';
import { unescapeText } from './blocks.js';
import { stripControls } from './sanitize.js';

/** The shortcodes whose meaning a terminal should keep (check results, states); others are dropped. */
const TERMINAL_SYMBOLS: Record<string, string> = {
  white_check_mark: '✓',
  warning: '!',
  x: '✗',
  red_circle: '✗',
  large_green_circle: '●',
  hourglass_flowing_sand: '…',
};

function mrkdwnToText(text: string): string {
  return unescapeText(
    text
      .replace(/<!date\^\d+\^[^|>]*\|([^>]+)>/g, '$1')
      .replace(/<#([A-Z0-9]+)>/g, '#$1')
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 $1')
      .replace(/<@([A-Z0-9]+)>/g, '@$1')
      .replace(/```/g, '')
      .replace(/`([^`\n]+)`/g, '$1')
      .replace(/(^|\s)\*([^*\n]+)\*/g, '$1$2')
      .replace(/(^|\s)_([^_\n]+)_/g, '$1$2')
      .replace(/(^|\s):([a-z](?:[a-z_]*[a-z])?):(?=\s|$)\s?/gm, (_m, before: string, name: string) =>
        TERMINAL_SYMBOLS[name] ? `${before}${TERMINAL_SYMBOLS[name]} ` : before,
      ),
  );
}

export function blocksToText(blocks: KnownBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        out.push(`\n${block.text.text}\n${'='.repeat(Math.min(block.text.text.length, 72))}`);
        break;
      case 'section':
        if (block.text) out.push(mrkdwnToText(block.text.text));
        if (block.fields) out.push(block.fields.map((f) => mrkdwnToText(f.text).replace('\n', ': ')).join('\n'));
        break;
      case 'context':
        out.push(block.elements.map((e) => ('text' in e && typeof e.text === 'string' ? mrkdwnToText(e.text) : '')).join('  '));
        break;
      case 'divider':
        out.push('-'.repeat(40));
        break;
      default:
        break;
    }
  }
  // The same stripping as the Slack builders: nothing from EC2 or a user reaches the terminal as a control.
  return `${stripControls(out.join('\n')).trim()}\n`;
}
