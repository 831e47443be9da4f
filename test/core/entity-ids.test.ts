import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newEntityId, pooledUuidv7 } from '../../electron/core/store/context';

describe('entity ids', () => {
  it('are <bureau>-<uuidv7>, valid version 7 UUIDs', () => {
    const id = newEntityId('FR');
    expect(id).toMatch(/^FR-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const uuid = id.slice(3);
    expect(validate(uuid)).toBe(true);
    expect(version(uuid)).toBe(7);
  });

  it('are unique and strictly increasing over 100,000 draws, across the pool refills', () => {
    let previous = '';
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const id = pooledUuidv7();
      expect(id > previous).toBe(true);
      seen.add(id);
      previous = id;
    }
    expect(seen.size).toBe(100_000);
  });

  it('stay increasing within one millisecond and when the clock steps back', () => {
    const a = pooledUuidv7(4_102_444_800_000);
    const b = pooledUuidv7(4_102_444_800_000);
    const c = pooledUuidv7(4_102_444_799_000);
    expect(b > a).toBe(true);
    expect(c > b).toBe(true);
    // The millisecond is the UUID's first 48 bits.
    expect(parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(4_102_444_800_000);
  });
});
