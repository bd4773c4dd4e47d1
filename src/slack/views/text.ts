/** Renders Block Kit messages as terminal text, so the CLI shows exactly what Slack would. */
import type { KnownBlock } from '@slack/types';
import { unescapeText } from './blocks.js';

function mrkdwnToText(text: string): string {
  return unescapeText(
    text
      .replace(/<!date\^\d+\^[^|>]*\|([^>]+)>/g, '$1')
      .replace(/<#([A-Z0-9]+)>/g, '#$1')
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 $1')
      .replace(/<@([A-Z0-9]+)>/g, '@$1')
      .replace(/```/g, '')
      .replace(/`([^`\n]+)`/g, '$1')
      // Emoji shortcodes standing alone (state markers, warnings) mean nothing in a terminal.
      .replace(/(^|\s):[a-z][a-z_]*[a-z]:(?=\s|$)\s?/gm, '$1')
      .replace(/(^|\s)\*([^*\n]+)\*/g, '$1$2')
      .replace(/(^|\s)_([^_\n]+)_/g, '$1$2'),
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
  return `${out.join('\n').trim()}\n`;
}
