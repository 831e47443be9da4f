// npm run bench:attach [-- --mb N] [--photos N] [--pages N]
//
// Attachments (issue 23), through the product's own attach path (prepareFile + commitAttachments,
// one transaction) into an encrypted case:
//   write   N MB of mixed files (a few large binaries as videos, PDFs, photos, text), MB/s and the
//           process's peak RSS (its whole life, so generation is included: an upper bound);
//   read    every attachment back out of the case (decrypted, hash checked), MB/s;
//   thumbs  1,000 camera photos (each with its EXIF thumbnail) attached, photos/s; and the decode
//           path (no EXIF thumbnail: jpeg-js decode + shrink) per photo;
//   search  words inside 10,000 attached text pages, p50/p95 over 300 queries.
// Prints human lines and one `BENCH {json}` per measurement; never asserts timings. Figures on a
// shared machine are noisy: the load average is printed with each.

import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBlob } from '../../electron/core/attachments/blobs';
import { makeThumbnail } from '../../electron/core/attachments/photos';
import { searchWithAttachments } from '../../electron/core/attachments/search';
import { attachmentBlob, closePrepared, commitAttachments, prepareFile, type PreparedFile } from '../../electron/core/attachments/store';
import { Case } from '../../electron/core/store/case';
import { searchEntities } from '../../electron/core/store/search';
import { makeJpeg, makePdf, withExif } from '../core/attachments/files';
import { rng } from './data';

const PASSPHRASE = 'bench: correct horse battery staple';
const bench = (obj: Record<string, unknown>) => console.log(`BENCH ${JSON.stringify(obj)}`);
const load = () => Math.round(loadavg()[0]! * 10) / 10;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
/** Process CPU seconds (user + system) since `from`: less swayed by other work on the machine than wall time. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};
const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);

function parseArgs(argv: string[]): { mb: number; photos: number; pages: number } {
  const o = { mb: 1024, photos: 1000, pages: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const n = Number((argv[++i] ?? '').replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive integer`);
    if (a === '--mb') o.mb = n;
    else if (a === '--photos') o.photos = n;
    else if (a === '--pages') o.pages = n;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** A file of `bytes` random bytes (incompressible, like video), written 1 MiB at a time. */
function writeBinary(path: string, bytes: number): void {
  const buf = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'w');
  try {
    for (let done = 0; done < bytes; ) {
      randomFillSync(buf);
      const n = Math.min(buf.length, bytes - done);
      writeSync(fd, buf, 0, n);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Attaches through the product's path; answers the highest RSS seen while it ran (sampled per file and per chunk). */
async function attachAll(c: Case, target: string, paths: string[]): Promise<number> {
  const files: PreparedFile[] = [];
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  try {
    for (const p of paths) {
      files.push(await prepareFile(p, Number.MAX_SAFE_INTEGER));
      sample();
    }
    commitAttachments(c, target, undefined, files, sample);
    sample();
    return round(peak / 1048576, 0);
  } finally {
    closePrepared(files);
  }
}

const WORDS = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x${(i * 7919) % 1000}`);

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-attach-'));
  try {
    const c = await Case.create(join(dir, 'bench.cordon'), PASSPHRASE, { name: 'bench', bureau: 'XX' });
    const person = c.write(() => c.entities.createEntity({ schema: 'Person', properties: { name: ['Bench Person'] } }).id);
    const files = join(dir, 'files');
    mkdirSync(files);

    // ---- write: mixed files, N MB ------------------------------------------------------------
    const total = o.mb * 1024 * 1024;
    const paths: string[] = [];
    let made = 0;
    // 40 PDFs of 3 pages, 40 photos of 1600x1200 (~300 KB each), the rest in binaries of up to 256 MiB.
    for (let i = 0; i < 40 && made < total / 4; i++) {
      const pdf = await makePdf([`report ${i} page one`, `page two of report ${i}`, `page three ${WORDS[i]}`]);
      const p = join(files, `report-${i}.pdf`);
      writeFileSync(p, pdf);
      paths.push(p);
      made += pdf.length;
    }
    const base = makeJpeg(1600, 1200, 1);
    const thumb = makeJpeg(160, 120, 2);
    for (let i = 0; i < 40 && made < total / 2; i++) {
      const jpg = withExif(base, { make: 'Canon', model: 'EOS', taken: `2024:03:${String(1 + (i % 28)).padStart(2, '0')} 10:00:${String(i % 60).padStart(2, '0')}`, lat: 38 + i / 1000, lon: 13, thumbnail: thumb });
      const p = join(files, `photo-${i}.jpg`);
      writeFileSync(p, jpg);
      paths.push(p);
      made += jpg.length;
    }
    for (let i = 0; made < total; i++) {
      const size = Math.min(256 * 1024 * 1024, total - made);
      const p = join(files, `video-${i}.mp4`);
      writeBinary(p, size);
      paths.push(p);
      made += size;
    }
    const mb = made / (1024 * 1024);
    // The files were just written: they are in the OS page cache, as files on a local disk mostly are.
    let t0 = performance.now();
    let cpu0 = process.cpuUsage();
    const writeRss = await attachAll(c, person, paths);
    let s = (performance.now() - t0) / 1000;
    let cpu = cpuSeconds(cpu0);
    console.log(`write: ${paths.length} files, ${round(mb)} MB in ${round(s, 2)} s = ${round(mb / s)} MB/s (${round(mb / cpu)} MB per CPU-second), peak RSS while attaching ${writeRss} MB (process peak ${peakRssMb()} MB, with generating the files) (load ${load()})`);
    bench({ bench: 'attach', case: 'write', mb: round(mb), files: paths.length, s: round(s, 2), mb_per_s: round(mb / s), mb_per_cpu_s: round(mb / cpu), peak_rss_mb: writeRss, process_peak_rss_mb: peakRssMb(), load: load() });
    for (const p of paths) rmSync(p);

    // ---- read back ---------------------------------------------------------------------------
    const ids = c.db.prepare('SELECT id FROM attachments ORDER BY rid').pluck().all() as string[];
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    let bytes = 0;
    for (const id of ids) for (const chunk of readBlob(c.db, attachmentBlob(c, id))) bytes += chunk.length;
    s = (performance.now() - t0) / 1000;
    cpu = cpuSeconds(cpu0);
    const readMb = bytes / 1048576;
    console.log(`read: ${round(readMb)} MB in ${round(s, 2)} s = ${round(readMb / s)} MB/s (${round(readMb / cpu)} MB per CPU-second) (load ${load()})`);
    bench({ bench: 'attach', case: 'read', mb: round(readMb), s: round(s, 2), mb_per_s: round(readMb / s), mb_per_cpu_s: round(readMb / cpu), peak_rss_mb: peakRssMb(), load: load() });

    // ---- thumbnails: N camera photos ---------------------------------------------------------
    const photoBase = makeJpeg(1600, 1200, 3);
    const photoPaths: string[] = [];
    for (let i = 0; i < o.photos; i++) {
      const p = join(files, `IMG_${i}.jpg`);
      writeFileSync(p, withExif(photoBase, { make: 'Nikon', model: 'D750', taken: `2023:11:${String(1 + (i % 28)).padStart(2, '0')} 08:${String(i % 60).padStart(2, '0')}:00`, lat: 41 + i / 1e4, lon: 12 + i / 1e4, thumbnail: thumb }));
      photoPaths.push(p);
    }
    t0 = performance.now();
    for (let i = 0; i < photoPaths.length; i += 100) await attachAll(c, person, photoPaths.slice(i, i + 100));
    s = (performance.now() - t0) / 1000;
    const withThumb = c.db.prepare("SELECT count(*) FROM attachment_thumbnails t JOIN attachment_blobs b ON b.rid = t.blob WHERE b.photo IS NOT NULL").pluck().get() as number;
    console.log(`thumbs: ${o.photos} photos attached with EXIF and thumbnail in ${round(s, 2)} s (${withThumb} photos with both) (load ${load()})`);
    bench({ bench: 'attach', case: 'thumbs', n: o.photos, s: round(s, 2), per_s: round(o.photos / s), with_thumbnail: withThumb, load: load() });
    // The decode path, for photos that carry no thumbnail of their own.
    const decodeN = 20;
    t0 = performance.now();
    for (let i = 0; i < decodeN; i++) await makeThumbnail('image/jpeg', photoBase);
    s = (performance.now() - t0) / 1000;
    console.log(`thumbs (decoded, 1600x1200, no EXIF thumbnail): ${round((s * 1000) / decodeN)} ms a photo (load ${load()})`);
    bench({ bench: 'attach', case: 'thumbs-decode', n: decodeN, width: 1600, height: 1200, ms_per_photo: round((s * 1000) / decodeN), load: load() });

    // ---- search: words inside N attached pages ------------------------------------------------
    const r = rng(42);
    const textPaths: string[] = [];
    const pagesPerFile = 100;
    for (let f = 0; f * pagesPerFile < o.pages; f++) {
      const lines: string[] = [];
      // About 3,000 characters a page, so the plain-text pager cuts one page each.
      for (let pg = 0; pg < pagesPerFile; pg++) {
        const words: string[] = [];
        for (let w = 0; w < 320; w++) words.push(WORDS[Math.floor(r() ** 2 * WORDS.length)]!);
        lines.push(`${words.join(' ')}\n`);
      }
      const p = join(files, `transcript-${f}.txt`);
      writeFileSync(p, lines.join(''));
      textPaths.push(p);
    }
    await attachAll(c, person, textPaths);
    const pages = c.db.prepare("SELECT count(*) FROM attachment_pages p JOIN attachment_blobs b ON b.rid = p.blob WHERE b.type = 'text/plain'").pluck().get() as number;
    const times: number[] = [];
    for (let q = 0; q < 300; q++) {
      const query = q % 3 === 0 ? `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * 50)]}` : WORDS[Math.floor(r() * WORDS.length)]!;
      const t = performance.now();
      searchWithAttachments(c.db, searchEntities(c.db, query, 50), query, 50);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.log(`search: ${pages} pages, 300 queries, p50 ${round(p50, 2)} ms, p95 ${round(p95, 2)} ms (load ${load()})`);
    bench({ bench: 'attach', case: 'search', pages, queries: 300, p50_ms: round(p50, 2), p95_ms: round(p95, 2), load: load() });
    c.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
