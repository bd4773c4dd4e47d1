/**
 * The catalogs' type: records keyed by the domain's codes, so a catalog that misses one does not compile. The
 * `@ts-expect-error` lines are checked by `tsc --noEmit` (part of `npm test`): if a hole ever compiles again,
 * tsc fails on the unused directive. Plus key parity between the catalogs at run time.
 */
import { describe, expect, it } from 'vitest';
import { en, type Messages } from '../../src/messages.js';
import { ja } from '../../src/messages.ja.js';
import { PREFLIGHT_CODES } from '../../src/endpoints/preflight.js';
import { DOCTOR_FINDINGS } from '../../src/doctor/model.js';
import { EC2_PROBLEM_CODES } from '../../src/endpoints/ec2-api.js';
import { QUESTIONS } from '../../src/decision/questions.js';

describe('a catalog missing an entry does not compile', () => {
  it('a preflight finding', () => {
    const { idsOk: _dropped, ...findings } = en.preflight.findings;
    // @ts-expect-error idsOk is missing
    const broken: Messages = { ...en, preflight: { ...en.preflight, findings } };
    expect(broken).toBeTruthy();
  });

  it('a doctor finding', () => {
    const { 'nacl.deny': _dropped, ...findings } = en.doctor.findings;
    // @ts-expect-error nacl.deny is missing
    const broken: Messages = { ...en, doctor: { ...en.doctor, findings } };
    expect(broken).toBeTruthy();
  });

  it('a choice label of one question', () => {
    const { unknown: _dropped, ...overlap } = en.choiceLabels.overlap;
    // @ts-expect-error overlap=unknown has no label
    const broken: Messages = { ...en, choiceLabels: { ...en.choiceLabels, overlap } };
    expect(broken).toBeTruthy();
  });

  it('a request state, or a string-keyed record in place of a keyed one', () => {
    const { expired: _dropped, ...states } = en.requests.states;
    // @ts-expect-error expired is missing
    const missing: Messages = { ...en, requests: { ...en.requests, states } };
    const loose: Record<string, string> = {};
    // @ts-expect-error a string-keyed record is no escape hatch
    const escaped: Messages = { ...en, reach: { ...en.reach, why: loose } };
    expect([missing, escaped]).toHaveLength(2);
  });

  it('a key of the catalog itself', () => {
    const { lang: _dropped, ...rest } = en;
    // @ts-expect-error lang is missing
    const broken: Messages = rest;
    expect(broken).toBeTruthy();
  });
});

/** The shape of a catalog: every key path, functions and strings alike (values aside). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('the catalogs', () => {
  it('en and ja have exactly the same keys', () => {
    expect(keyPaths(ja).sort()).toEqual(keyPaths(en).sort());
  });

  it('word every code the domain produces', () => {
    for (const catalog of [en, ja]) {
      for (const code of PREFLIGHT_CODES) expect(typeof catalog.preflight.findings[code]).toBe('function');
      for (const id of DOCTOR_FINDINGS) expect(typeof catalog.doctor.findings[id]).toBe('function');
      for (const q of QUESTIONS)
        for (const value of q.choices) expect((catalog.choiceLabels[q.key] as Record<string, string>)[value], `${q.key}=${value}`).toBeTruthy();
      for (const code of EC2_PROBLEM_CODES) expect(catalog.ec2Problem(code, 'ec2:Act', 'ap-northeast-1', 'DETAIL')).not.toContain('DETAIL');
    }
  });
});
