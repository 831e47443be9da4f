import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of DESIGN.md §2 are enforced by lint; this proves the rules bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/x.ts', "import { ipcRenderer } from 'electron';"],
    ['shared/x.ts', "import { x } from '../electron/core/runtime';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/core/x.ts', "import { x } from '../main/ipc';"],
    ['renderer/src/x.ts', "import { readFileSync } from 'fs';"],
    ['renderer/src/x.ts', "import { join } from 'node:path';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { createCore } from '../../electron/core/runtime';"],
    ['electron/main/x.ts', "import { App } from '../../renderer/src/app/App';"],
    ['renderer/src/x.ts', "import { z } from 'zod';"],
    ['renderer/src/x.ts', "import { api } from '../../shared/api';"],
  ])('%s may not: %s', async (file, code) => {
    expect((await violations(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['renderer/src/x.ts', "import type { Method } from '../../shared/api';"],
    ['renderer/src/x.ts', "import { SCHEMES } from '../../shared/grading';"],
  ])('%s may: %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
