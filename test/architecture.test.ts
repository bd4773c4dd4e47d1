import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { architectureProblems, sourceFiles } from './architecture/check.js';
import { biomeLayerOverrides, layerOverrides } from './architecture/biome.js';
import { documentDrift, layerTable } from './architecture/document.js';
import { checkLayers, importsOf, layerOf, type Layer } from './architecture/layers.js';

describe('the layers of src/', () => {
  it('has every module in a layer, every import going down, no cycle and no unused exception', () => {
    const files = sourceFiles();
    expect(files.size).toBeGreaterThan(50);
    expect(checkLayers(files)).toEqual([]);
  });

  it('agrees with biome.json (generated from layers.ts) and with ARCHITECTURE.md’s table', () => {
    expect(biomeLayerOverrides()).toEqual(layerOverrides(sourceFiles().keys()));
    expect(architectureProblems()).toEqual([]);
  });
});

describe('the editor’s copy of the rules (biome.json)', () => {
  it('forbids a core module every file of a layer it may not import: by its path and, within a shared folder, relative to it', () => {
    const files = ['src/aws/endpoint.ts', 'src/endpoints/dns.ts', 'src/endpoints/ec2.ts', 'src/messages.ts', 'src/slack/views/blocks.ts'];
    const [vocabulary, core] = layerOverrides(files);
    expect(vocabulary!.linter.rules.style.noRestrictedImports.options.patterns[0]!.group).toEqual(['../**']);
    const group = core!.linter.rules.style.noRestrictedImports.options.patterns[0]!.group;
    expect(group).toEqual(['**/endpoints/ec2.js', '**/messages.js', '**/slack/views/blocks.js', './ec2.js']);
    expect(core!.includes).toContain('src/endpoints/dns.ts');
  });
});

describe('ARCHITECTURE.md’s layer table against the code', () => {
  const doc = readFileSync('ARCHITECTURE.md', 'utf8');
  const files = sourceFiles();

  it('reads one row per layer, bottom to top, with the paths it names', () => {
    const rows = layerTable(doc);
    expect(rows.map((r) => r.layer)).toEqual(['vocabulary', 'core', 'catalog', 'usecase', 'adapter', 'surface', 'entry']);
    expect(rows[1]!.modules).toContain('doctor/evaluate.ts');
    expect(rows[1]!.modules).not.toContain('Ec2Api');
  });

  it('fails when the table leaves a file out, names a missing path, puts a file in another layer or allows other imports', () => {
    const left = doc.replace('`requests/types.ts` ', '');
    expect(documentDrift(left, files)).toContain("src/requests/types.ts: not in the table's core row");
    const missing = doc.replace('`locale.ts`', '`locale.ts`, `gone.ts`');
    expect(documentDrift(missing, files)).toContain('core: `gone.ts` names no file in src/');
    const moved = doc.replace('`slack/pages.ts`', '').replace('`locale.ts`', '`locale.ts`, `slack/pages.ts`');
    expect(documentDrift(moved, files)).toContain('src/slack/pages.ts: the table puts it in core, the code in surface');
    const wider = doc.replace('| vocabulary, core |\n| **usecase**', '| vocabulary, core, usecase |\n| **usecase**');
    expect(documentDrift(wider, files)).toContain('catalog: the table says it may import "vocabulary, core, usecase", layers.ts says "core, vocabulary"');
  });

  it('fails on an import the table’s row does not allow', () => {
    const upward = new Map(files);
    upward.set('src/requests/decide.ts', `${files.get('src/requests/decide.ts')}\nimport { en } from '../messages.js';`);
    expect(documentDrift(doc, upward).some((p) => p.startsWith('src/requests/decide.ts:') && p.includes('usecase row does not allow'))).toBe(true);
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
