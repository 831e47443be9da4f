import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseOptions } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layer rules of DESIGN.md §2 (docs/architecture.md, "Layers") are checked by dependency-cruiser
// in `npm run lint`; this proves each rule bites. Each case is a small tree of files in a folder
// inside the repository (so that `zod`, `electron` and `react` resolve to the real packages), cruised
// with the project's own .dependency-cruiser.cjs.

const root = join(process.cwd(), '.cache', `depcruise-${process.pid}`);
let options: ICruiseOptions;
let n = 0;

beforeAll(async () => {
  options = await extractDepcruiseOptions(join(process.cwd(), '.dependency-cruiser.cjs'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Modules the cases import: one of each layer, a contract file (it imports zod) and a plain shared file.
const BASE: Record<string, string> = {
  'shared/api.ts': "import { z } from 'zod';\nexport const api = { x: z.string() };\nexport type Method = 'x';\n",
  'shared/thing/api.ts': "import { z } from 'zod';\nexport const thingApi = { y: z.string() };\nexport type Y = string;\n",
  'shared/grading.ts': 'export const SCHEMES = 1;\n',
  'electron/core/runtime.ts': 'export const core = 1;\n',
  'electron/core/handlers.ts': 'export const assembly = 1;\n',
  'electron/core/session.ts': 'export const session = 1;\n',
  'electron/core/cli/commands.ts': 'export const all = 1;\n',
  'electron/core/exchange/feature.ts': 'export const f = 1;\n',
  'electron/core/vocabulary/feature.ts': 'export const f = 1;\n',
  'electron/core/timeline/feature.ts': 'export const f = 1;\n',
  'electron/main/ipc.ts': 'export const glue = 1;\n',
  'renderer/src/App.ts': 'export const app = 1;\n',
  'test/core/helpers.ts': 'export const helper = 1;\n',
};

/** The rules violated by a tree made of BASE and `files`. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const dir = join(root, String(n++));
  for (const [path, code] of Object.entries({ ...BASE, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), code);
  }
  const result = await cruise(['shared', 'electron', 'renderer', 'test'], { ...options, baseDir: dir });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  return result.output.summary.violations.map((v) => v.rule.name).sort();
}

describe('dependency rules', () => {
  it('the base tree breaks no rule', async () => {
    expect(await violations({})).toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'shared-no-node'],
    ['shared/x.ts', "import { join } from 'path';\nexport const x = join;", 'shared-no-node'],
    ['shared/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", 'shared-only-zod'],
    ['shared/x.ts', "import { useState } from 'react';\nexport const x = useState;", 'shared-only-zod'],
    ['shared/x.ts', "import cytoscape from 'cytoscape';\nexport const x = cytoscape;", 'shared-only-zod'],
    ['shared/x.ts', "import { core } from '../electron/core/runtime';\nexport const x = core;", 'shared-no-other-layer'],
    ['shared/x.ts', "import { app } from '../renderer/src/App';\nexport const x = app;", 'shared-no-other-layer'],
    ['shared/x.ts', "import { z } from 'zod';\nexport const x = z;", 'shared-zod-only-in-contract-files'],
    ['shared/x.ts', "import { api } from './api';\nexport const x = api;", 'shared-no-values-from-contract-files'],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const x = app;", 'core-no-electron'],
    ['electron/core/x.ts', "import { glue } from '../main/ipc';\nexport const x = glue;", 'core-no-glue-or-renderer'],
    ['electron/core/x.ts', "import { app } from '../../renderer/src/App';\nexport const x = app;", 'core-no-glue-or-renderer'],
    ['electron/core/x.ts', "import { helper } from '../../test/core/helpers';\nexport const x = helper;", 'no-test-in-product'],
    ['electron/core/store/x.ts', "import { f } from '../exchange/feature';\nexport const x = f;", 'store-no-feature'],
    ['electron/core/store/y.ts', "import { f } from '../vocabulary/feature';\nexport const y = f;", 'store-no-feature'],
    ['electron/core/store/z.ts', "import { f } from '../timeline/feature';\nexport const z = f;", 'store-no-feature'],
    ['electron/core/exchange/x.ts', "import { assembly } from '../handlers';\nexport const x = assembly;", 'core-no-assembly'],
    ['electron/core/exchange/x.ts', "import { all } from '../cli/commands';\nexport const x = all;", 'core-no-assembly'],
    ['electron/main/x.ts', "import { app } from '../../renderer/src/App';\nexport const x = app;", 'glue-no-renderer'],
    ['renderer/src/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;", 'renderer-no-node'],
    ['renderer/src/x.ts', "import { join } from 'node:path';\nexport const x = join;", 'renderer-no-node'],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", 'renderer-no-electron-or-core'],
    ['renderer/src/x.ts', "import { core } from '../../electron/core/runtime';\nexport const x = core;", 'renderer-no-electron-or-core'],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;", 'renderer-no-electron-or-core'],
    ['renderer/src/x.ts', "import { z } from 'zod';\nexport const x = z;", 'renderer-no-zod'],
    ['renderer/src/x.ts', "import { api } from '../../shared/api';\nexport const x = api;", 'renderer-types-only-from-contract'],
    ['renderer/src/x.ts', "import { thingApi } from '../../shared/thing/api';\nexport const x = thingApi;", 'renderer-types-only-from-contract'],
    ['renderer/src/x.ts', "import { nothing } from './missing';\nexport const x = nothing;", 'not-to-unresolvable'],
  ])('%s may not: %s', async (file, code, rule) => {
    expect(await violations({ [file]: code })).toContain(rule);
  });

  it('refuses an import cycle, of values or of types', async () => {
    expect(
      await violations({
        'electron/core/a.ts': "import { b } from './b';\nexport const a = () => b;",
        'electron/core/b.ts': "import { a } from './a';\nexport const b = () => a;",
      }),
    ).toContain('no-circular');
    expect(
      await violations({
        'renderer/src/a.ts': "import type { B } from './b';\nexport interface A { b?: B }",
        'renderer/src/b.ts': "import type { A } from './a';\nexport interface B { a?: A }",
      }),
    ).toContain('no-circular');
  });

  it.each([
    ['shared/x.ts', "import type { Method } from './api';\nexport type X = Method;"],
    ['shared/thing/dto.ts', "import type { Y } from './api';\nexport type X = Y;"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';\nimport { api } from '../../shared/api';\nexport const x = [readFileSync, api];"],
    ['electron/core/exchange/x.ts', "import { session } from '../session';\nimport { f } from './feature';\nexport const x = [session, f];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { core } from '../core/runtime';\nexport const x = [app, core];"],
    ['renderer/src/x.ts', "import type { Method } from '../../shared/api';\nimport type { Y } from '../../shared/thing/api';\nexport type X = Method | Y;"],
    ['renderer/src/x.ts', "import { SCHEMES } from '../../shared/grading';\nimport { useState } from 'react';\nexport const x = [SCHEMES, useState];"],
    ['test/core/x.ts', "import { core } from '../../electron/core/runtime';\nimport { app } from '../../renderer/src/App';\nexport const x = [core, app];"],
  ])('%s may: %s', async (file, code) => {
    expect(await violations({ [file]: code })).toEqual([]);
  });
});
