/** Slack's Block Kit limits, checked the way Slack would reject a message. */
import { expect } from 'vitest';
import { LIMITS } from '../../src/slack/views/blocks.js';

interface AnyBlock {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type: string; text?: unknown; action_id?: string; value?: string }[];
}

export function expectWithinBlockKitLimits(message: { text?: string; blocks: unknown[] }, maxBlocks: number = LIMITS.messageBlocks): void {
  const blocks = message.blocks as AnyBlock[];
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  if (message.text !== undefined) expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  const actionIds: string[] = [];
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === 'section') {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (block.fields) {
        expect(block.fields.length).toBeLessThanOrEqual(LIMITS.fields);
        for (const f of block.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
      }
    }
    if (block.type === 'context') expect(block.elements!.length).toBeLessThanOrEqual(LIMITS.contextElements);
    if (block.type === 'actions') {
      expect(block.elements!.length).toBeLessThanOrEqual(LIMITS.actionsElements);
      for (const e of block.elements!) {
        expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        expect(e.value!.length).toBeLessThanOrEqual(LIMITS.buttonValue);
        expect(e.action_id!.length).toBeLessThanOrEqual(LIMITS.actionId);
        actionIds.push(e.action_id!);
      }
    }
  }
  expect(new Set(actionIds).size).toBe(actionIds.length);
}
