import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getProperty, getSchema } from '../../../shared/catalogue';
import { normaliseValue } from '../../../shared/values';
import { cliRunner } from '../cli-io';
import { tempDir } from '../helpers';

// Coordinates are values (issue 19): latitude/longitude properties of the located types, checked
// like any value, and kept with their source and grading.

describe('latitude and longitude as values', () => {
  it('are properties of Address, Event and RealEstate', () => {
    for (const name of ['Address', 'Event', 'RealEstate']) {
      const s = getSchema(name)!;
      expect(getProperty(s, 'latitude')?.type).toBe('latitude');
      expect(getProperty(s, 'longitude')?.type).toBe('longitude');
    }
  });

  it('accept decimal degrees within ±90 / ±180 and refuse the rest with a reason', () => {
    expect(normaliseValue('latitude', '48.8566')).toEqual({ ok: true, value: '48.8566' });
    expect(normaliseValue('latitude', '-90')).toEqual({ ok: true, value: '-90' });
    expect(normaliseValue('longitude', '2,3522')).toEqual({ ok: true, value: '2.3522' });
    expect(normaliseValue('longitude', '+180')).toEqual({ ok: true, value: '180' });
    expect(normaliseValue('latitude', '90.0001')).toEqual({ ok: false, reason: 'latitude 90.0001 is outside ±90°' });
    expect(normaliseValue('longitude', '-181')).toEqual({ ok: false, reason: 'longitude -181 is outside ±180°' });
    expect(normaliseValue('latitude', '48°51′N')).toMatchObject({ ok: false, reason: '"48°51′N" is not a latitude in decimal degrees' });
    expect(normaliseValue('longitude', 'Infinity').ok).toBe(false);
    expect(normaliseValue('latitude', '1e3').ok).toBe(false);
  });

  it('keep their source and grading and show in entity show; out of range is refused', async () => {
    const dir = tempDir();
    const run = cliRunner({ CORDON_PASSPHRASE: 'map test passphrase', CORDON_DATA_DIR: join(dir, 'data') });
    const file = join(dir, 'c.cordon');
    expect((await run('case', 'create', file, '--bureau', 'fr')).code).toBe(0);
    const src = JSON.parse((await run('source', 'add', file, '--title', 'Surveillance log', '--scheme', 'admiralty', '--grade', 'B2', '--json')).out).id;
    const added = await run('entity', 'add', file, '--schema', 'Address', '--prop', 'full=12 rue de Rivoli, Paris', '--prop', 'latitude=48.8559', '--prop', 'longitude=2.3601', '--source', src, '--json');
    expect(added.code).toBe(0);
    const id = JSON.parse(added.out).id as string;
    const shown = JSON.parse((await run('entity', 'show', file, id, '--json')).out);
    expect(shown.properties.latitude[0]).toMatchObject({ value: '48.8559', source_id: src, grading: 'B2' });
    expect(shown.properties.longitude[0]).toMatchObject({ value: '2.3601', source_id: src, grading: 'B2' });
    expect((await run('entity', 'show', file, id)).out).toMatch(/latitude +48\.8559 +\(B2 — Surveillance log; FR\)/);
    const bad = await run('entity', 'add', file, '--schema', 'Address', '--prop', 'full=Nowhere', '--prop', 'latitude=123');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/latitude 123 is outside ±90°/);
  });
});
