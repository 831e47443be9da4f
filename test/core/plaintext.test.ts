// "Nothing readable lands on disk" (DESIGN.md §4): a child process writes distinctive names and
// identifiers into a case with the real store (and attaches a text note and a PDF report, whose
// bytes are streamed into the case and whose text is indexed), and while the case is open (so -wal and -shm exist)
// and again after it is closed, every byte of the .cordon, -wal and -shm files, of the files the
// child holds open (including unlinked temp files, read through /proc/PID/fd), of its private temp
// folder (TMPDIR, SQLITE_TMPDIR, inside the test's own temp folder) is scanned for each string in
// UTF-8 and UTF-16LE. Only the test's own folder is walked: other processes' files are none of its
// business. The same scan over an unencrypted control database must find
// them, so the test can fail.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from './attachments/files';
import type { EntityInput } from '../../electron/core/store/entity-values';
import { foldText } from '../../shared/values';
import { tempDir } from './helpers';

const PASSPHRASE = 'plaintext test: Vermilion-Axolotl-42';
const CHILD = join(import.meta.dirname, 'fixtures-scripts/store-child.ts');
const ROOT = join(import.meta.dirname, '../..');

const PEOPLE: EntityInput[] = [
  {
    schema: 'Person',
    properties: {
      name: ['Xylophonista Quagmire'],
      alias: ['Zoë Ćirić-Þorsteinsdóttir'],
      phone: ['+39 06 9876 5432'],
      email: ['quagmire.xylo@example.org'],
      passportNumber: ['YB7731986QZ'],
      birthDate: ['1971-03-14'],
    },
  },
  { schema: 'Person', properties: { name: ['Ñúñez Gümüşhacıköy Łęczyńska'], idNumber: ['KZQW-550193-XP'] } },
];
/** A valid IBAN made at run time: the textbook example IBAN stands in other test files, which
 * vitest caches in the temp folder while this test scans it. */
function freshIban(): { typed: string; iban: string; account: string } {
  const bban = Array.from(randomBytes(18), (b) => String(b % 10)).join('');
  const numeric = `${bban}DE00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = String(98 - Number(BigInt(numeric) % 97n)).padStart(2, '0');
  const iban = `DE${check}${bban}`;
  return { iban, typed: iban.replace(/(.{4})/g, '$1 ').trim(), account: bban.slice(8) };
}
const IBAN = freshIban();
/** Words inside the attached files, made at run time for the same reason (a log of another run, or
 * of this file's source, in the temp folder must not be what the scan finds). */
const RUN = randomBytes(4).toString('hex').toUpperCase();
const ATTACHED = [`Vorpalgryphon${RUN} Sentinel`, `Quokkamander${RUN}`];
const ACCOUNT: EntityInput = { schema: 'BankAccount', properties: { iban: [IBAN.typed], accountNumber: [IBAN.account] } };

/** What must never be found, as stored (typed or normalised); the control finds each of these. */
const NEEDLES = [
  'Xylophonista Quagmire',
  'Xylophonista',
  'Quagmire',
  'Zoë Ćirić-Þorsteinsdóttir',
  'Þorsteinsdóttir',
  'Ñúñez Gümüşhacıköy Łęczyńska',
  'Gümüşhacıköy',
  'Łęczyńska',
  '+390698765432',
  'quagmire.xylo@example.org',
  'YB7731986QZ',
  'KZQW-550193-XP',
  IBAN.iban,
  IBAN.account,
  // Inside attached files (a plain-text note and a PDF report): their bytes and their indexed text.
  ...ATTACHED,
];
/** Also never to be found: the forms the search index folds to, and the values as typed. */
const EXTRA_NEEDLES = ['xylophonista', 'quagmire', 'þorsteinsdottir', foldText('Gümüşhacıköy'), 'yb7731986qz', IBAN.iban.toLowerCase(), IBAN.typed, '+39 06 9876 5432'];

interface Hit {
  file: string;
  needle: string;
  encoding: 'utf8' | 'utf16le';
  offset: number;
}

const PATTERNS = [...NEEDLES, ...EXTRA_NEEDLES].flatMap((n) => [
  { needle: n, encoding: 'utf8' as const, bytes: Buffer.from(n, 'utf8') },
  { needle: n, encoding: 'utf16le' as const, bytes: Buffer.from(n, 'utf16le') },
]);
const LONGEST = Math.max(...PATTERNS.map((p) => p.bytes.length));

/** grep -c for every pattern, reading the file in chunks that overlap by the longest pattern. */
function scanFile(file: string, label = file): Hit[] {
  const hits: Hit[] = [];
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return hits; // gone or unreadable (another process's temp file): nothing of ours in it
  }
  try {
    const chunk = Buffer.alloc(8 * 1024 * 1024);
    let carry = Buffer.alloc(0);
    let pos = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n <= 0) break;
      const buf = Buffer.concat([carry, chunk.subarray(0, n)]);
      const base = pos - carry.length;
      for (const p of PATTERNS) {
        const at = buf.indexOf(p.bytes);
        if (at >= 0 && !hits.some((h) => h.needle === p.needle && h.encoding === p.encoding)) {
          hits.push({ file: label, needle: p.needle, encoding: p.encoding, offset: base + at });
        }
      }
      carry = Buffer.from(buf.subarray(Math.max(0, buf.length - LONGEST + 1)));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return hits;
}

/** Every regular file under `dir` (recursively), walked with an explicit stack (no recursion, no
 * spread of a whole folder into an argument list). */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = join(dir, e);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) stack.push(p);
      else if (st.isFile()) out.push(p);
    }
  }
  return out;
}

/** Regular files a process holds open, as /proc/PID/fd paths (readable even once unlinked). */
function openFiles(pid: number): Array<{ fdPath: string; target: string }> {
  const out: Array<{ fdPath: string; target: string }> = [];
  const dir = `/proc/${pid}/fd`;
  for (const fd of readdirSync(dir)) {
    const fdPath = join(dir, fd);
    try {
      const target = readlinkSync(fdPath);
      if (statSync(fdPath).isFile()) out.push({ fdPath, target });
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

function hasPlainHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(16);
    readSync(fd, b, 0, 16, 0);
    return b.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

interface Run {
  /** Hits per phase. */
  open: Hit[];
  closed: Hit[];
  /** Files scanned while open (to show the scan covered the WAL, the SHM and temp entries). */
  scannedOpen: string[];
  headerPlain: boolean;
}

async function writeAndScan(mode: 'plaintext' | 'plaintext-control', dir: string): Promise<Run> {
  const path = join(dir, mode === 'plaintext' ? 'secret.cordon' : 'control.sqlite');
  const childTmp = join(dir, 'child-tmp');
  mkdirSync(childTmp);
  // The files to attach are plaintext by design: they sit in a folder of their own, outside the
  // scanned one (the case's folder and the child's temp folder).
  const inputs = tempDir();
  writeFileSync(join(inputs, 'note.txt'), `Surveillance note: ${ATTACHED[0]} met the courier.\n`.repeat(2000));
  writeFileSync(join(inputs, 'report.pdf'), await makePdf(['Partner report page one', `The ${ATTACHED[1]} shipment arrives on Friday`]));
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, path], {
    cwd: ROOT,
    env: {
      ...process.env,
      CORDON_TEST_PASSPHRASE: PASSPHRASE,
      CORDON_TEST_ATTACH: JSON.stringify([join(inputs, 'note.txt'), join(inputs, 'report.pdf')]),
      CORDON_TEST_VALUES: JSON.stringify({ people: PEOPLE, account: ACCOUNT, relationship: 'Xylophonista business partner', alias: 'Quagmire the Second', query: 'xylophonista quagmire' }),
      TMPDIR: childTmp,
      SQLITE_TMPDIR: childTmp,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const waitFor = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = out.split('\n').find((l) => l.startsWith(prefix));
        if (line) resolve(line);
      };
      proc.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        check();
      });
      check();
      void exited.then((code) => reject(new Error(`child exited (${code}) before "${prefix}": ${err}`)));
    });

  const openLine = await waitFor('OPEN ');
  const pid = Number(openLine.split(' ')[1]);
  // The case is open: the WAL and the shared-memory index exist.
  expect(existsSync(`${path}-wal`)).toBe(true);
  expect(existsSync(`${path}-shm`)).toBe(true);
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);

  const scanned = new Set<string>();
  const scanAll = (withProc: boolean): Hit[] => {
    const hits: Hit[] = [];
    const scan = (file: string, label = file) => {
      scanned.add(label);
      hits.push(...scanFile(file, label));
    };
    for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) if (existsSync(f)) scan(f);
    for (const f of filesUnder(childTmp)) scan(f);
    if (withProc) for (const { fdPath, target } of openFiles(pid)) scan(fdPath, `${target} (fd of the writer)`);
    // The test's own folder (the case's folder and the child's TMPDIR and SQLITE_TMPDIR under it):
    // only this test writes there, so whatever is found is ours. Other processes' temp files are
    // not read.
    for (const f of filesUnder(dir)) if (!scanned.has(f)) scan(f);
    return hits;
  };
  const open = scanAll(true);
  const scannedOpen = [...scanned];
  proc.stdin.write('close\n');
  await waitFor('CLOSED');
  expect(await exited).toBe(0);
  const closed = scanAll(false);
  return { open, closed, scannedOpen, headerPlain: hasPlainHeader(path) };
}

describe('no plaintext on disk', () => {
  it('finds none of the distinctive values in the case files, the WAL, the SHM or temp files', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const run = await writeAndScan('plaintext', dir);
    // The scan did cover the live WAL and SHM, and the writer's open files.
    expect(run.scannedOpen.some((f) => f.endsWith('secret.cordon-wal'))).toBe(true);
    expect(run.scannedOpen.some((f) => f.endsWith('secret.cordon-shm'))).toBe(true);
    expect(run.scannedOpen.some((f) => f.includes('(fd of the writer)'))).toBe(true);
    expect(run.open).toEqual([]);
    expect(run.closed).toEqual([]);
    expect(run.headerPlain).toBe(false);
  });

  it('self-check: the same scan finds the values in an unencrypted control database', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const run = await writeAndScan('plaintext-control', dir);
    expect(run.headerPlain).toBe(true);
    // Every value is found in clear (UTF-8) somewhere in the control's files, open and after close.
    // (The search index stores folded tokens, not the typed strings with spaces, so not every needle
    // appears in every file; each one appears in at least one.)
    const openFound = new Set(run.open.map((h) => h.needle));
    const closedFound = new Set(run.closed.map((h) => h.needle));
    for (const n of NEEDLES) {
      expect(openFound, `open: ${n}`).toContain(n);
      expect(closedFound, `closed: ${n}`).toContain(n);
    }
  });
});
