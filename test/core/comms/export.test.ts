import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CDR, commsCase, writeFile } from './support';

// Exports carry the call records' aggregated links (issue 17): ANX writes the phones as Telephone
// entities and each pair's calls as one Call link with its counts; events from a TLP:RED report
// are not counted without --include-restricted, and a link made only of them is withheld.

describe('exports of communications', () => {
  it('ANX: Telephone entities and Call links with the number of events, duration, first and last contact', async () => {
    const { core, dir } = await commsCase();
    await core.ok('comms.importCdr', { path: writeFile(dir, 'cdr.csv', `${CDR}\n`) });
    const out = join(dir, 'calls.anx');
    await core.ok('export.run', { path: out, format: 'anx' });
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/<EntityType [^>]*Name="Telephone"/);
    const links = [...xml.matchAll(/<ChartItem [^>]*Label="([^"]*)"[^>]*><Link [\s\S]*?<\/ChartItem>/g)];
    // A→B (a call and an SMS), B→A, A→C, C→B.
    expect(links.map((m) => m[1]).sort()).toEqual(['1 call', '1 call', '1 call', '1 call · 1 SMS']);
    const ab = links.find((m) => m[1] === '1 call · 1 SMS')![0];
    expect(ab).toContain('AttributeClass="Number of calls"');
    expect(ab).toMatch(/AttributeClass="Number of calls"[^>]*Value="2"/);
    expect(ab).toMatch(/AttributeClass="Duration \(s\)"[^>]*Value="60"/);
    expect(ab).toContain('Value="2024-03-01T09:00:00Z"');
    expect(ab).toContain('Value="2024-03-01T10:00:00Z"');
  });

  it('events from a TLP:RED report are not counted, and a link made only of them is withheld, unless restricted values are included', async () => {
    const { core, dir } = await commsCase();
    await core.ok('comms.importCdr', { path: writeFile(dir, 'cdr.csv', `${CDR}\n`) });
    const red = await core.ok('source.create', { title: 'Intercept (red)', scheme: 'eu4x4', grade: 'B2', tlp: 'RED' });
    // One more A→B call, and a B→C call (the first file has only C→B), both from the red report.
    const more = ['calling_number,called_number,start_time,duration', '0612345678,0698765432,2024-03-05 10:00:00,30', '0698765432,0766666666,2024-03-05 11:00:00,40'].join('\n');
    await core.ok('comms.importCdr', { path: writeFile(dir, 'red.csv', `${more}\n`), mapping: { version: 1, columns: { caller: 'calling_number', callee: 'called_number', start: 'start_time', duration: 'duration' }, source: { id: red.id } } });
    const calls = (path: string) => {
      const xml = readFileSync(path, 'utf8');
      return Object.fromEntries([...xml.matchAll(/<ChartItem [^>]*Label="([^"]*)"[^>]*><Link End1Reference="(\w+)" End2Reference="(\w+)"[\s\S]*?AttributeClass="Number of calls"[^>]*Value="(\d+)"/g)].map((m) => [`${m[2]}>${m[3]}`, Number(m[4])]));
    };
    const out = join(dir, 'out.anx');
    const r = await core.ok('export.run', { path: out, format: 'anx' });
    const withheld = calls(out);
    expect(Object.values(withheld).sort()).toEqual([1, 1, 1, 2]);
    expect(r.withheldItems).toBeGreaterThanOrEqual(1);
    const all = join(dir, 'all.anx');
    await core.ok('export.run', { path: all, format: 'anx', includeRestricted: true });
    expect(Object.values(calls(all)).sort()).toEqual([1, 1, 1, 1, 3]);
  });
});
