import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// No request ever leaves the machine (issue 19): the map's code, its bundled data and its style
// name no http(s) URL — no tile server, no style, no glyphs, no geocoder. (The CSP's connect-src
// 'none' forbids the renderer any fetch as well; this test catches a URL before it gets that far.)

const URL_RE = /\b(?:https?|wss?):\/\//i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const MAP_SOURCES = ['renderer/src/features/map', 'electron/core/map', 'shared/map', 'electron/core/interchange/geo'];
const MAP_DATA = ['node_modules/world-atlas/countries-110m.json', 'node_modules/world-atlas/countries-50m.json'];

describe('the map works offline', () => {
  it('names no http(s) URL in its code, data or style', () => {
    const checked = [...MAP_SOURCES.flatMap((d) => files(d)), ...MAP_DATA];
    expect(checked.length).toBeGreaterThan(10);
    const offending = checked.filter((f) => URL_RE.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('would catch one', () => {
    expect(URL_RE.test("fetch('https://tile.example.org/{z}/{x}/{y}.png')")).toBe(true);
    expect(URL_RE.test('"glyphs": "http://fonts.example/{fontstack}"')).toBe(true);
    expect(URL_RE.test('app://cordon/index.html')).toBe(false);
  });
});
