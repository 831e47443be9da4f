import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Case } from '../../electron/core/store/case';
import { SEARCH_PAGE_SQL } from '../../electron/core/store/search';
import { tempDir, testCore } from './helpers';

describe('search', () => {
  it('folds case and accents, matches word prefixes, keeps the original script', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await core.ok('case.create', { path: join(dir, 's.cordon'), passphrase: 'search pw', name: 'S', bureau: 'FR' });
    const ids: Record<string, string> = {};
    for (const [key, schema, properties] of [
      ['jose', 'Person', { name: ['José Álvarez Núñez'], alias: ['El Flaco'] }],
      ['zoe', 'Person', { name: ['ZOË ĆIRIĆ'] }],
      ['ivan', 'Person', { name: ['Иван Петров'] }],
      ['ahmed', 'Person', { name: ['أحمد الكردي'] }],
      ['acct', 'BankAccount', { iban: ['FR14 2004 1010 0505 0001 3M02 606'] }],
      ['co', 'Company', { name: ['Álvarez Trading SARL'], registrationNumber: ['RCS 512 345 678'] }],
    ] as const) {
      ids[key] = (await core.ok('entity.create', { schema, properties: properties as unknown as Record<string, string[]> })).id;
    }
    const find = async (q: string) => (await core.ok('search', { query: q })).map((r) => r.id);
    expect(await find('jose alvarez')).toEqual([ids.jose]);
    expect(await find('JOSE')).toEqual([ids.jose]);
    expect(await find('flaco')).toEqual([ids.jose]);
    expect(await find('zoe ciric')).toEqual([ids.zoe]);
    expect(await find('Иван')).toEqual([ids.ivan]);
    expect(await find('иван пет')).toEqual([ids.ivan]);
    expect(await find('أحمد')).toEqual([ids.ahmed]);
    expect(await find('FR1420041010050500013M02606')).toEqual([ids.acct]);
    expect(await find('512')).toEqual([ids.co]);
    expect((await find('alvarez')).sort()).toEqual([ids.jose, ids.co].sort());
    // The match is shown in its original script.
    expect((await core.ok('search', { query: 'ivan' }))).toEqual([]);
    expect((await core.ok('search', { query: 'иван' }))[0]!.match).toBe('Иван Петров');
    expect((await core.ok('search', { query: 'alvarez', schema: 'Company' })).map((r) => r.id)).toEqual([ids.co]);
  });

  it('treats query syntax as plain words and returns nothing for an empty query', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await core.ok('case.create', { path: join(dir, 's.cordon'), passphrase: 'search pw', name: 'S', bureau: 'FR' });
    await core.ok('entity.create', { schema: 'Person', properties: { name: ['Near Miss'] } });
    for (const q of ['', '   ', '"', 'NEAR(near miss)', 'name:near', '*', 'near OR', "') DROP TABLE entities; --"]) {
      const r = await core.call('search', { query: q });
      expect(r.ok, q).toBe(true);
    }
    expect((await core.ok('search', { query: 'NEAR(near miss)' })).length).toBe(1);
    expect(await core.ok('search', { query: '' })).toEqual([]);
  });

  it('lists whole-word matches before word-start matches, oldest record first within each', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await core.ok('case.create', { path: join(dir, 's.cordon'), passphrase: 'search pw', name: 'S', bureau: 'ES' });
    const add = async (name: string, schema = 'Person') => (await core.ok('entity.create', { schema, properties: { name: [name] } })).id;
    const garciaz = await add('Pedro Garcíaz');
    const ana = await add('Ana García');
    const luis = await add('Luis GARCIA Peña');
    const firm = await add('García Transportes SL', 'Company');
    const find = async (query: string, more: { limit?: number; schema?: string } = {}) => (await core.ok('search', { query, ...more })).map((r) => r.id);
    expect(await find('garcia')).toEqual([ana, luis, firm, garciaz]);
    expect(await find('garc')).toEqual([garciaz, ana, luis, firm]);
    // The page limit keeps the best: whole words first, and a page of whole words needs no more.
    expect(await find('garcia', { limit: 2 })).toEqual([ana, luis]);
    expect(await find('garcia', { limit: 4 })).toEqual([ana, luis, firm, garciaz]);
    expect(await find('garcia', { schema: 'Company' })).toEqual([firm]);
    expect(await find('garcia', { schema: 'Person', limit: 3 })).toEqual([ana, luis, garciaz]);
    // Every word must match, whole or as a word start; an initial is a word start.
    expect(await find('garcia pe')).toEqual([garciaz, luis]);
    expect(await find('l garcia')).toEqual([luis]);
    expect(await find('garcia pena')).toEqual([luis]);
  });

  it('lets the index drive each page: no sort of every match, LIMIT stops the scan', async () => {
    const dir = tempDir();
    const c = await Case.create(join(dir, 'plan.cordon'), 'search pw', { name: 'P', bureau: 'FR' });
    try {
      for (const [sql, args] of [
        [SEARCH_PAGE_SQL.any, ['"x"*', 50]],
        [SEARCH_PAGE_SQL.ofSchema, ['"x"*', 'Person', 50]],
      ] as const) {
        const plan = (c.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail);
        expect(plan[0], sql).toMatch(/^SCAN entity_search VIRTUAL TABLE/);
        expect(plan.slice(1), sql).toEqual(['SEARCH e USING INTEGER PRIMARY KEY (rowid=?)']);
      }
    } finally {
      c.close();
    }
  });
});
