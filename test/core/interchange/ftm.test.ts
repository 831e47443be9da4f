import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModel, Model } from '@alephdata/followthemoney';
import { describe, expect, it } from 'vitest';
import { counts, fixture, openCase, snapshot } from './support';

const model = new Model(defaultModel);

/** Every line is an entity FtM's own model accepts: known schema, known properties, links with both ends. */
function validateFtm(path: string): number {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  for (const line of lines) {
    const json = JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> };
    const schema = model.getSchema(json.schema);
    expect(schema, json.schema).toBeTruthy();
    for (const prop of Object.keys(json.properties)) expect(schema.hasProperty(prop), `${json.schema}.${prop}`).toBe(true);
    const entity = model.getEntity(json);
    expect(entity.id).toBe(json.id);
    if (schema.isEdge && schema.edge) {
      expect(entity.getFirst(schema.edge.source)).toBeTruthy();
      expect(entity.getFirst(schema.edge.target)).toBeTruthy();
    }
  }
  return lines.length;
}

describe('FollowTheMoney JSON lines', () => {
  it('imports things and interstitial links in any order; unknown schemata and broken lines are reported', async () => {
    const { core } = await openCase();
    const r = await core.ok('import.run', { path: fixture('entities.ftm.jsonl'), format: 'ftm' });
    expect(r).toMatchObject({ created: 5, links: 3 });
    const messages = r.errors.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'line 8: FtM schema "Sanction" has no counterpart in Cordon\'s catalogue',
        'line 9: not JSON',
        expect.stringMatching(/^line 3: Incorporation date "2011-02-30" is not a date.*kept as a note/),
      ]),
    );
    const viktor = await core.ok('entity.get', { id: (await core.ok('search', { query: 'Виктор', limit: 1 }))[0]!.id });
    expect(viktor.properties.name!.map((n) => n.value).sort()).toEqual(['Viktor Sokolov', 'Виктор Соколов']);
    expect(viktor.properties.notes!.map((n) => n.value)).toEqual(['website: https://example.org']);
    expect(viktor.links.map((l) => l.schema).sort()).toEqual(['Call', 'Ownership']);
    const passport = (await core.ok('entity.list', { schema: 'Passport' })).items[0]!;
    expect((await core.ok('entity.get', { id: passport.id })).properties.holder![0]!.value).toBe(viktor.id);
    // The same file again: FtM ids are remembered, everything merges.
    const again = await core.ok('import.run', { path: fixture('entities.ftm.jsonl'), format: 'ftm' });
    expect(again.created).toBe(0);
    expect(again.links).toBe(0);
    expect((await core.ok('case.info', {}))!.entities).toBe(5);
  });

  it('exports FtM that FtM’s own model validates, and reads it back to the same case', async () => {
    const first = await openCase();
    await first.core.ok('import.run', { path: fixture('entities.ftm.jsonl'), format: 'ftm' });
    await first.core.ok('import.run', { path: fixture('chart-idref.anx'), format: 'anx' });
    const out = join(first.dir, 'case.ftm.jsonl');
    const r = await first.core.ok('export.run', { path: out, format: 'ftm', includeRestricted: true });
    expect(validateFtm(out)).toBe(r.entities + r.links);
    const second = await openCase();
    await second.core.ok('import.run', { path: out, format: 'ftm' });
    const a = snapshot(first.db());
    const b = snapshot(second.db());
    // Values and structure survive; sources collapse to the import's (FtM lines carry no provenance).
    const strip = (xs: string[]) => xs.map((x) => x.replace(/ \[[^\]]*\]/g, '')).sort();
    expect(strip(b.entities)).toEqual(strip(a.entities));
    expect(strip(b.links)).toEqual(strip(a.links));
  });

  it('refuses a file that is not JSON lines, writing nothing', async () => {
    const { core, db } = await openCase();
    const before = counts(db());
    expect((await core.fail('import.run', { path: fixture('gephi.graphml'), format: 'ftm' })).message).toMatch(/is not FollowTheMoney JSON lines/);
    expect((await core.fail('import.run', { path: fixture('report.pdf.csv'), format: 'ftm' })).message).toMatch(/is a PDF document/);
    expect(counts(db())).toEqual(before);
  });

  it('a cancelled FtM import writes nothing', async () => {
    const { core, db, dir } = await openCase();
    const file = join(dir, 'many.ftm.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(JSON.stringify({ id: `p-${i}`, schema: 'Person', properties: { name: [`Person ${i}`], phone: [`+4470${String(i).padStart(7, '0')}`] } }));
      if (i > 0) lines.push(JSON.stringify({ id: `c-${i}`, schema: 'Call', properties: { caller: [`p-${i - 1}`], receiver: [`p-${i}`], date: ['2024-01-01'] } }));
    }
    writeFileSync(file, lines.join('\n'));
    const before = counts(db());
    const running = core.call('import.run', { path: file, format: 'ftm' });
    // Cancel as soon as the job has reported progress past its start.
    let job: string | undefined;
    while (!job) {
      await new Promise((r) => setTimeout(r, 5));
      job = (core.events.find((e) => e.event === 'progress' && (e.payload as { done: number }).done > 0)?.payload as { job: string } | undefined)?.job;
    }
    expect(await core.ok('job.cancel', { job })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(core.events.at(-1)?.payload).toMatchObject({ job, state: 'cancelled' });
    expect(counts(db())).toEqual(before);
  });
});
