import { describe, expect, it } from 'vitest';
import { FACTS, FACTS_AS_OF } from '../../src/decision/facts.js';

describe('facts', () => {
  it('gives every fact a source link and today\'s value', () => {
    for (const fact of FACTS.values()) {
      expect(fact.source, fact.id).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      expect(fact.today.length, fact.id).toBeGreaterThan(10);
    }
  });

  it('dates every change, never after the facts date', () => {
    for (const fact of FACTS.values()) {
      if (fact.changed === undefined) continue;
      expect(fact.changed, fact.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(fact.changed <= FACTS_AS_OF, fact.id).toBe(true);
    }
  });
});
