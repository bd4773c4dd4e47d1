import { describe, expect, it } from 'vitest';
import { sourceFiles } from './architecture/check.js';
import { checkLayers, importsOf, layerOf, type Layer } from './architecture/layers.js';

describe('the layers of src/', () => {
  it('has every module in a layer, every import going down, no cycle and no unused exception', () => {
    const files = sourceFiles();
    expect(files.size).toBeGreaterThan(50);
    expect(checkLayers(files)).toEqual([]);
  });
});

describe('the layer check', () => {
  const tree = (files: Record<string, string>) => new Map(Object.entries(files));

  it('reads static, re-exported, multi-line, type-only and dynamic imports, and ignores packages and comments', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../requests/model.js';",
      'import {',
      '  c,',
      '  type D,',
      "} from '../aws/endpoint.js';",
      "export * from './e.js';",
      "export type { F } from './f.js';",
      "const sdk = await import('../sdk/ec2.js');",
      "import { WebClient } from '@slack/web-api';",
      "// import { nope } from './commented.js';",
      "/* import { nope } from './block-commented.js'; */",
    ].join('\n');
    const edges = importsOf('src/endpoints/x.ts', source);
    expect(edges.map((e) => [e.to, e.line, e.typeOnly])).toEqual([
      ['src/endpoints/a.ts', 1, false],
      ['src/requests/model.ts', 2, true],
      ['src/aws/endpoint.ts', 3, false],
      ['src/endpoints/e.ts', 7, false],
      ['src/endpoints/f.ts', 8, true],
      ['src/sdk/ec2.ts', 9, false],
    ]);
  });

  it('places files by exact path first, then by folder', () => {
    const cases: [string, Layer | undefined][] = [
      ['src/aws/endpoint.ts', 'vocabulary'],
      ['src/endpoints/ec2-api.ts', 'core'],
      ['src/endpoints/ec2.ts', 'adapter'],
      ['src/requests/model.ts', 'core'],
      ['src/requests/file-store.ts', 'adapter'],
      ['src/messages.ja.ts', 'catalog'],
      ['src/jobs/job.ts', 'core'],
      ['src/jobs/worker.ts', 'surface'],
      ['src/slack/port.ts', 'core'],
      ['src/slack/listeners/new-one.ts', 'surface'],
      ['src/cli.ts', 'entry'],
      ['src/brand-new.ts', undefined],
    ];
    for (const [file, layer] of cases) expect([file, layerOf(file)]).toEqual([file, layer]);
  });

  it('fails on an upward import and names the file, line and layers', () => {
    const violations = checkLayers(
      tree({
        'src/aws/endpoint.ts': "export type X = 1;\nimport type { SlackMessage } from '../slack/views/blocks.js';",
        'src/slack/views/blocks.ts': "import type { X } from '../../aws/endpoint.js';",
      }),
      [],
    );
    expect(violations).toContainEqual({
      kind: 'upward',
      text: 'src/aws/endpoint.ts:2: a vocabulary module imports src/slack/views/blocks.ts (surface); vocabulary may import nothing',
    });
  });

  it('fails on a use case importing an adapter, and on a core module importing the catalog', () => {
    const violations = checkLayers(
      tree({
        'src/requests/workflow.ts': "import { createEc2Adapter } from '../endpoints/ec2.js';",
        'src/endpoints/ec2.ts': '',
        'src/endpoints/dns.ts': "import { en } from '../messages.js';",
        'src/messages.ts': '',
      }),
      [],
    );
    expect(violations.map((v) => v.kind)).toEqual(['upward', 'upward']);
    expect(violations[0]!.text).toContain('src/requests/workflow.ts:1: a usecase module imports src/endpoints/ec2.ts (adapter)');
    expect(violations[1]!.text).toContain('src/endpoints/dns.ts:1: a core module imports src/messages.ts (catalog)');
  });

  it('fails on an import cycle, even within one layer and through type-only imports', () => {
    const violations = checkLayers(
      tree({
        'src/commands/a.ts': "import type { B } from './b.js';",
        'src/commands/b.ts': "import { c } from '../decision/c.js';",
        'src/decision/c.ts': "import type { A } from '../commands/a.js';",
        'src/decision/d.ts': "import { c } from './c.js';",
      }),
      [],
    );
    expect(violations).toEqual([{ kind: 'cycle', text: 'import cycle: src/commands/a.ts → src/commands/b.ts → src/decision/c.ts' }]);
  });

  it('fails on a file no layer claims', () => {
    expect(checkLayers(tree({ 'src/brand-new.ts': '' }), [])).toEqual([
      { kind: 'unplaced', text: 'src/brand-new.ts: no layer claims it (add it to PLACEMENT in test/architecture/layers.ts)' },
    ]);
  });

  it('lets an exception through, and fails once the exception is no longer needed', () => {
    const exceptions = [{ from: 'src/decision/report.ts', to: 'catalog' as const, why: 'being removed' }];
    const upward = tree({ 'src/decision/report.ts': "import { en } from '../messages.js';", 'src/messages.ts': '' });
    expect(checkLayers(upward, exceptions)).toEqual([]);
    const fixed = tree({ 'src/decision/report.ts': '', 'src/messages.ts': '' });
    expect(checkLayers(fixed, exceptions).map((v) => v.kind)).toEqual(['stale-exception']);
  });
});
