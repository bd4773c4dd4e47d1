import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse.js';
import { closest, editDistance } from '../../src/commands/suggest.js';

describe('did you mean', () => {
  it.each([
    ['prod', 'prod', 0],
    ['prdo', 'prod', 1],
    ['prd', 'prod', 1],
    ['cerate', 'create', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s is %i edits from %s', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('picks the closest known word within the limit, whatever the case', () => {
    expect(closest('DSN', ['dns', 'describe'])).toBe('dns');
    expect(closest('zzzzzz', ['dns', 'describe'])).toBeUndefined();
    expect(closest('prdo', ['prod', 'staging'], 1)).toBe('prod');
  });

  it('commands and option keys catch a swap of two letters, as account aliases do', () => {
    const parsed = parseCommand('cerate s3');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ code: 'unknownCommand', suggestion: 'create' });
    const option = parseCommand('dns s3 regoin=us-east-1');
    if (!option.ok) expect(option.error).toMatchObject({ code: 'unknownOption', suggestion: 'region' });
    expect(option.ok).toBe(false);
  });
});
