import { describe, expect, it } from 'vitest';
import { carriesEntities, ENTITY_DRAG_TYPE, readEntityDrag, writeEntityDrag } from '../../renderer/src/features/entities/entityDrag';

// Dragging entities out of the list: what a drop target can read back, and what it refuses.

function transfer() {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (f: string, d: string) => void data.set(f, d),
    getData: (f: string) => data.get(f) ?? '',
  };
}

describe('entity drag data', () => {
  it('carries the ids under its own type, with the caption as plain text', () => {
    const dt = transfer();
    writeEntityDrag(dt, ['BE-1', 'BE-2'], 'Caviar ring');
    expect(carriesEntities(dt)).toBe(true);
    expect(readEntityDrag(dt)).toEqual(['BE-1', 'BE-2']);
    expect(dt.getData('text/plain')).toBe('Caviar ring');
  });

  it('reads nothing from text dragged in from elsewhere or from malformed data', () => {
    const text = transfer();
    text.setData('text/plain', 'BE-1');
    expect(carriesEntities(text)).toBe(false);
    expect(readEntityDrag(text)).toEqual([]);
    const bad = transfer();
    bad.setData(ENTITY_DRAG_TYPE, '{not json');
    expect(readEntityDrag(bad)).toEqual([]);
    const odd = transfer();
    odd.setData(ENTITY_DRAG_TYPE, JSON.stringify(['BE-1', 7, '', null]));
    expect(readEntityDrag(odd)).toEqual(['BE-1']);
  });
});
