import { join } from 'node:path';
import { tempDir, testCore, type TestCore } from '../helpers';

// A case for cooperation tests, opened through the contract (bureau IT).

export const PASS = 'pw for cooperation';

export async function openCase(bureau = 'IT'): Promise<TestCore> {
  const dir = tempDir();
  const core = testCore(dir);
  await core.ok('case.create', { path: join(dir, 'c.cordon'), passphrase: PASS, name: 'Cooperation', bureau });
  return core;
}

export async function person(core: TestCore, name: string, sourceId?: string): Promise<string> {
  return (await core.ok('entity.create', { schema: 'Person', properties: { name: [name] }, ...(sourceId ? { sourceId } : {}) })).id;
}

export async function link(core: TestCore, from: string, to: string): Promise<string> {
  return (await core.ok('link.create', { schema: 'Associate', from, to, properties: {} })).id;
}

export async function auditActions(core: TestCore): Promise<string[]> {
  return (await core.ok('audit.list', { limit: 500 })).rows.map((r) => r.action);
}
