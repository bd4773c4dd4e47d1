/** The catch-all for buttons of older versions must never answer a button another listener answers (one ack each). */
import { describe, expect, it } from 'vitest';
import { unknownActionPattern } from '../../src/slack/listeners/requests.js';
import { COMPARE_ACTIONS } from '../../src/slack/views/compare.js';
import { HOME_ACTIONS } from '../../src/slack/views/home.js';
import { LIST_ACTIONS, REQUEST_ACTIONS } from '../../src/slack/views/requests.js';

describe('unknown actions', () => {
  it('leaves every action id a listener answers to that listener', () => {
    const pattern = unknownActionPattern();
    const answered = [...Object.values(REQUEST_ACTIONS), ...Object.values(HOME_ACTIONS), ...Object.values(LIST_ACTIONS), ...Object.values(COMPARE_ACTIONS)];
    expect(answered).toContain('approve_request');
    expect(answered.filter((id) => pattern.test(id))).toEqual([]);
    expect(pattern.test(`${COMPARE_ACTIONS.answer}:target:aws-service`)).toBe(false);
  });

  it('answers a button no listener knows', () => {
    expect(unknownActionPattern().test('approve_request_v0')).toBe(true);
    expect(unknownActionPattern().test('old_button')).toBe(true);
  });
});
