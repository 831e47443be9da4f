// `npm run test:security`: the Electronegativity gate (DESIGN.md §9).
//
// Electronegativity always exits 0, findings or not, so the gate is the parsing here: it scans the
// Electron glue (electron/) and, when built, the bundles that actually ship (dist/main,
// dist/preload), then fails on any finding that is not on the reviewed allowlist
// build/electronegativity-allowlist.json, where every entry carries the reason it was accepted.
//
// Offline by design: AvailableSecurityFixesGlobalCheck is skipped (it downloads Electron's release
// list) and the Electron version is passed in, so nothing is looked up.
// SARIF, not CSV: Electronegativity 1.10.3 writes the CSV header and rows with two unordered async
// writes, which can lose rows; the SARIF file is written in one go.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ALLOWLIST = join(repo, 'build/electronegativity-allowlist.json');
// Class names, lowercased: what `-x` expects (not the displayed ids).
const SKIPPED = ['availablesecurityfixesglobalcheck'];
const SOURCES = ['electron', 'dist/main', 'dist/preload'];

class GateFailure extends Error {}
function fail(message) {
  throw new GateFailure(message);
}

function loadAllowlist() {
  const entries = JSON.parse(readFileSync(ALLOWLIST, 'utf8')).allowed;
  if (!Array.isArray(entries)) fail(`${relative(repo, ALLOWLIST)} has no "allowed" array`);
  for (const e of entries) {
    if (typeof e.check !== 'string' || typeof e.file !== 'string' || typeof e.reason !== 'string' || e.reason.trim().length < 20) {
      fail(`allowlist entry ${JSON.stringify(e)} needs "check", "file" and a written "reason"`);
    }
  }
  return entries;
}

/** Copies what is scanned into one folder, so one run (≈ 10 s) covers sources and bundles. */
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-electronegativity-'));
  const scan = join(dir, 'scan');
  const scanned = [];
  for (const source of SOURCES) {
    const from = join(repo, source);
    if (!existsSync(from)) continue;
    // Source maps only repeat the sources; scanning them doubles the time for no finding.
    cpSync(from, join(scan, source), { recursive: true, filter: (f) => !f.endsWith('.map') });
    scanned.push(source);
  }
  return { dir, scan, scanned };
}

function run(scan, out) {
  const bin = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
  const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const args = [bin, '-i', scan, '-o', out, '-x', SKIPPED.join(','), '-r', '-v', 'false', '-e', electron];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 180_000 });
  if (r.error) fail(`could not run Electronegativity: ${r.error.message}`);
  return r;
}

/** Findings from the SARIF file; a missing or malformed file fails the gate (fail closed). */
function findings(out, log) {
  if (!existsSync(out)) fail(`Electronegativity wrote no results.\n${log}`);
  let sarif;
  try {
    sarif = JSON.parse(readFileSync(out, 'utf8'));
  } catch (err) {
    fail(`unreadable results (${err.message})`);
  }
  const results = sarif?.runs?.[0]?.results;
  if (!Array.isArray(results)) fail('results without runs[0].results');
  return results.map((r) => {
    const loc = r.locations?.[0]?.physicalLocation;
    const uri = loc?.artifactLocation?.uri ?? 'file:///';
    return {
      check: r.ruleId,
      // Global checks (no file) come as file:///; the allowlist calls that "N/A".
      file: uri === 'file:///' ? 'N/A' : uri.replaceAll('\\', '/'),
      line: loc?.region?.startLine ?? 0,
      level: r.level,
      message: r.message?.text ?? '',
    };
  });
}

function gate() {
  const started = Date.now();
  const allowlist = loadAllowlist();
  const { dir, scan, scanned } = stage();
  try {
    if (scanned.length === 0) fail('nothing to scan');
    const out = join(dir, 'results.sarif');
    const log = run(scan, out);
    const all = findings(out, `${log.stdout}\n${log.stderr}`);
    const used = new Set();
    const unreviewed = all.filter((f) => {
      const i = allowlist.findIndex((e) => e.check === f.check && e.file === f.file);
      if (i >= 0) used.add(i);
      return i < 0;
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`electronegativity gate: scanned ${scanned.join(', ')} in ${seconds} s: ${all.length} finding(s), ${all.length - unreviewed.length} on the reviewed allowlist, ${unreviewed.length} not.`);
    for (const f of all.filter((x) => !unreviewed.includes(x))) console.log(`  allowed   ${f.check}  ${f.file}:${f.line}`);
    allowlist.forEach((e, i) => {
      const wasScanned = e.file === 'N/A' || scanned.some((source) => e.file.startsWith(`${source}/`));
      if (wasScanned && !used.has(i)) console.log(`  (allowlist entry no longer needed: ${e.check} ${e.file}; remove it)`);
    });
    if (unreviewed.length > 0) {
      for (const f of unreviewed) console.error(`  FINDING   ${f.check}  ${f.file}:${f.line}  ${f.message}`);
      fail(`${unreviewed.length} finding(s) not on ${relative(repo, ALLOWLIST)}: fix them, or review and allowlist each with a reason.`);
    }
    console.log('electronegativity gate: passed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  gate();
} catch (err) {
  if (!(err instanceof GateFailure)) throw err;
  console.error(`electronegativity gate: FAILED: ${err.message}`);
  process.exitCode = 1;
}
