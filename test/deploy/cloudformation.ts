/**
 * Just enough CloudFormation to read a template in tests: its short-form tags (`!Ref`, `!Sub`, …) parsed into the
 * long form, and the intrinsic functions our templates use evaluated for a given set of parameters, so that a test
 * reads the policies a stack would really get.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import { readFileSync } from 'node:fs';
import { parse, type Tags } from 'yaml';

const FUNCTIONS = ['Sub', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'GetAtt', 'Join'];

const CFN_TAGS: Tags = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  ...FUNCTIONS.flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => ({ [`Fn::${name}`]: name === 'GetAtt' ? value.split('.') : value }) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: { toJSON(): unknown }) => ({ [`Fn::${name}`]: seq.toJSON() }) },
  ]),
];

// biome-ignore lint/suspicious/noExplicitAny: a parsed template is untyped data
export type Template = any;

export function readTemplate(file: string): Template {
  return parse(readFileSync(file, 'utf8'), { customTags: CFN_TAGS });
}

export interface Pseudo {
  partition: string;
  accountId: string;
  region: string;
}

const NO_VALUE = Symbol('AWS::NoValue');

/**
 * Evaluates the template's Conditions and then `value` for these parameters (CommaDelimitedList parameters split).
 * `Fn::GetAtt` stays as it is: it names a resource the stack has not made yet.
 */
export function evaluate(template: Template, parameters: Record<string, string>, pseudo: Pseudo, value: unknown): unknown {
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries<{ Type: string; Default?: string }>(template.Parameters ?? {})) {
    const given = parameters[name] ?? spec.Default;
    if (given === undefined) throw new Error(`parameter ${name} has no value`);
    params[name] = spec.Type === 'CommaDelimitedList' ? given.split(',') : given;
  }
  const refs: Record<string, unknown> = {
    ...params,
    'AWS::Partition': pseudo.partition,
    'AWS::AccountId': pseudo.accountId,
    'AWS::Region': pseudo.region,
    'AWS::NoValue': NO_VALUE,
  };
  const conditions: Record<string, boolean> = {};
  const ev = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(ev).filter((x) => x !== NO_VALUE);
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v);
    if (entries.length === 1) {
      const [key, arg] = entries[0]!;
      if (key === 'Ref') {
        if (!(arg in refs)) throw new Error(`Ref to unknown ${arg}`);
        return refs[arg as string];
      }
      if (key === 'Condition' && typeof arg === 'string' && arg in conditions) return conditions[arg];
      if (key === 'Fn::Sub') {
        const [text, vars] = Array.isArray(arg) ? [arg[0] as string, ev(arg[1]) as Record<string, unknown>] : [arg as string, {}];
        return text.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
          const found = name in vars ? vars[name] : refs[name];
          if (typeof found !== 'string') throw new Error(`Fn::Sub: \${${name}} is not a string`);
          return found;
        });
      }
      if (key === 'Fn::Select') {
        const [index, list] = [Number(ev((arg as unknown[])[0])), ev((arg as unknown[])[1]) as unknown[]];
        return list[index];
      }
      if (key === 'Fn::Split') return (ev((arg as unknown[])[1]) as string).split((arg as string[])[0]!);
      if (key === 'Fn::Join') return (ev((arg as unknown[])[1]) as string[]).join((arg as string[])[0]!);
      if (key === 'Fn::Equals') {
        const [a, b] = (arg as unknown[]).map(ev);
        return JSON.stringify(a) === JSON.stringify(b);
      }
      if (key === 'Fn::Not') return !ev((arg as unknown[])[0]);
      if (key === 'Fn::And') return (arg as unknown[]).every((x) => ev(x) === true);
      if (key === 'Fn::Or') return (arg as unknown[]).some((x) => ev(x) === true);
      if (key === 'Fn::If') {
        const [name, yes, no] = arg as [string, unknown, unknown];
        if (!(name in conditions)) throw new Error(`Fn::If: unknown condition ${name}`);
        return ev(conditions[name] ? yes : no);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of entries) {
      const r = ev(x);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  };
  for (const [name, expr] of Object.entries(template.Conditions ?? {})) conditions[name] = ev(expr) === true;
  return ev(value);
}
