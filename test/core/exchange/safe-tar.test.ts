import { describe, expect, it } from 'vitest';
import { readAll, readTar, type TarRules } from '../../../electron/core/exchange/safe-tar';
import { rawTar, type RawEntry } from './tamper';

// The strict tar reader on its own: what it accepts, and each thing it refuses before reading a body.
const rules = (over: Partial<TarRules> = {}): TarRules => ({
  where: 'the package',
  step: 'structure',
  limitFor: (name) => (['a.json', 'b.bin'].includes(name) ? 1024 : null),
  maxEntries: 3,
  trailingBytes: 20 * 1024,
  ...over,
});

async function read(buf: Buffer, r = rules()) {
  const out: Array<{ name: string; text: string }> = [];
  async function* source() {
    // Odd chunk sizes: headers and bodies straddle chunk boundaries.
    for (let i = 0; i < buf.length; i += 333) yield buf.subarray(i, i + 333);
  }
  for await (const e of readTar(source(), r)) out.push({ name: e.name, text: (await readAll(e)).toString() });
  return out;
}

const file = (name: string, text = 'x', extra: Partial<RawEntry> = {}): RawEntry => ({ name, data: Buffer.from(text), ...extra });

describe('safe tar reader', () => {
  it('reads regular files', async () => {
    expect(await read(rawTar([file('a.json', '{"x":1}'), file('b.bin', 'y'.repeat(700))]))).toEqual([
      { name: 'a.json', text: '{"x":1}' },
      { name: 'b.bin', text: 'y'.repeat(700) },
    ]);
  });

  it.each([
    ['../../x', /"..\/..\/x" points outside the package \(path traversal\)/],
    ['a/../../x', /points outside the package/],
    ['/etc/passwd', /"\/etc\/passwd" is an absolute path/],
    ['C:\\x', /is an absolute path/],
    ['dir/a.json', /is inside a folder/],
    ['other.txt', /"other.txt" is not a file a package may contain/],
  ])('refuses the name %s', async (name, message) => {
    await expect(read(rawTar([file(name)]))).rejects.toThrow(message);
  });

  it.each([
    ['1', 'a hard link'],
    ['2', 'a symbolic link'],
    ['5', 'a folder'],
    ['x', 'a PAX extended header'],
    ['L', 'a GNU long name record'],
  ])('refuses entry type %s (%s)', async (type, what) => {
    await expect(read(rawTar([file('a.json', 'x', { type })]))).rejects.toThrow(`"a.json" is ${what}; only regular files are allowed`);
  });

  it('refuses a declared size above the limit before reading any of it (tar bomb)', async () => {
    await expect(read(rawTar([file('a.json', '', { declared: 8 * 1024 ** 3 - 1 })], { end: false }))).rejects.toThrow(
      '"a.json" declares 8.0 GiB, more than the limit of 1.0 KiB (a tar bomb?)',
    );
  });

  it('refuses a size beyond what the input holds, duplicates, too many entries, trailing data, truncation', async () => {
    const two = rawTar([file('a.json', 'x'.repeat(100))]);
    await expect(read(two, rules({ totalBytes: 600 }))).rejects.toThrow('"a.json" declares 100 bytes but only 88 bytes follow (truncated, or a tar bomb)');
    await expect(read(rawTar([file('a.json'), file('a.json')]))).rejects.toThrow('"a.json" appears twice');
    await expect(read(rawTar([file('a.json'), file('b.bin')]), rules({ maxEntries: 1 }))).rejects.toThrow('it has more than 1 entries');
    await expect(read(Buffer.concat([rawTar([file('a.json')]), Buffer.from('evil')]))).rejects.toThrow('there is data after the end-of-archive marker');
    await expect(read(rawTar([file('a.json', 'x'.repeat(600))], { end: false }).subarray(0, 700))).rejects.toThrow('"a.json" is cut short');
    const damaged = rawTar([file('a.json')]);
    damaged[0] = 0x62;
    await expect(read(damaged)).rejects.toThrow('it is not a tar file (bad header checksum)');
    await expect(read(Buffer.alloc(0))).rejects.toThrow('it is empty or not a tar file');
  });
});
