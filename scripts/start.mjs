// `npm start` (after `npm run build`): runs Cordon in Electron from the repository.
//
// 1. Checks the build is there.
// 2. Finds the Electron binary (the `electron` package downloads it on first use; air-gapped
//    machines point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron instead).
// 3. Makes sure an Electron build of the SQLite module exists in .cache/electron-native/
//    (DESIGN.md §4: the module is needed twice). It is prepared in a COPY of the module folder,
//    so node_modules keeps the Node build that tests and the CLI use: first the published prebuilt
//    binary for Electron (prebuild-install), else a compile against Electron's headers
//    (node-gyp). The result must export Electron's ABI, or it is thrown away.
// 4. Starts Electron on the app, telling the core where that module is (CORDON_SQLITE_BINDING).
//
// Every failure ends with one line saying what is missing and how to supply it offline.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronPkg = dirname(require.resolve('electron/package.json'));
const ELECTRON_VERSION = JSON.parse(readFileSync(join(electronPkg, 'package.json'), 'utf8')).version;
const ELECTRON_ABI = readFileSync(join(electronPkg, 'abi_version'), 'utf8').trim();
const MODULE_DIR = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const CACHE = join(repo, '.cache/electron-native');
const NATIVE = join(CACHE, 'better_sqlite3.node');
const LOG = join(CACHE, 'build.log');
const PLATFORM = `${process.platform}-${process.arch}`;

function die(line) {
  console.error(`cordon start: ${line}`);
  process.exit(1);
}

function checkBuild() {
  const needed = ['dist/main/main.js', 'dist/preload/preload.cjs', 'dist/core/worker.js', 'dist/renderer/index.html'];
  const missing = needed.filter((f) => !existsSync(join(repo, f)));
  if (missing.length > 0) die(`the build is missing (${missing.join(', ')}): run \`npm run build\` first (\`npm start\` does).`);
}

function electronBinary() {
  const offline = `unpack Electron ${ELECTRON_VERSION} for ${PLATFORM} on this machine and set ELECTRON_OVERRIDE_DIST_PATH to that folder.`;
  let path;
  try {
    // The package's index downloads the binary on first use (or honours ELECTRON_OVERRIDE_DIST_PATH).
    path = require('electron');
  } catch {
    die(`the Electron ${ELECTRON_VERSION} binary is missing and could not be downloaded; ${offline}`);
  }
  if (typeof path !== 'string' || !existsSync(path)) die(`no Electron binary at ${path}; ${offline}`);
  return path;
}

/** An environment for builds that target Electron: npm's own settings must not retarget them. */
function buildEnv() {
  const env = { ...process.env };
  // The trap of ../shared/notes/toolchain.md: npm's `nodedir` silently points node-gyp at Node's
  // headers, producing a module with Node's ABI that Electron refuses.
  const retargeting = /^npm_config_(nodedir|target|target_arch|runtime|disturl|dist_url|build_from_source|arch|platform|devdir)$/i;
  for (const key of Object.keys(env)) if (retargeting.test(key)) delete env[key];
  return env;
}

/** A native Node/Electron module names its ABI in the symbol it registers with. */
function isElectronBuild(file) {
  return existsSync(file) && readFileSync(file).includes(`node_register_module_v${ELECTRON_ABI}`);
}

function runLogged(label, args, cwd) {
  const r = spawnSync(process.execPath, args, { cwd, env: buildEnv(), encoding: 'utf8', timeout: 15 * 60_000 });
  writeFileSync(LOG, `\n### ${label}: node ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}\n`, { flag: 'a' });
  return r.status === 0;
}

/** Builds the module in a copy of its folder; true when an Electron build is in place. */
function prepareNativeModule() {
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(LOG, `Electron ${ELECTRON_VERSION} (ABI ${ELECTRON_ABI}) build of ${relative(repo, MODULE_DIR)}\n`);
  console.log(`cordon start: preparing the SQLite module for Electron ${ELECTRON_VERSION} (once; log in ${relative(repo, LOG)})`);
  const work = mkdtempSync(join(CACHE, 'work-'));
  try {
    // The copy leaves out the Node build (build/); nothing is ever written into node_modules.
    cpSync(MODULE_DIR, work, { recursive: true, filter: (f) => f !== join(MODULE_DIR, 'build') });
    const built = join(work, 'build/Release/better_sqlite3.node');
    const prebuilt = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
    const gyp = join(dirname(require.resolve('node-gyp/package.json')), 'bin/node-gyp.js');
    const ok =
      (runLogged('prebuilt binary', [prebuilt, '--runtime', 'electron', '--target', ELECTRON_VERSION, '--arch', process.arch, '--platform', process.platform], work) && isElectronBuild(built)) ||
      (runLogged('compile against Electron headers', [gyp, 'rebuild', '--release', `--target=${ELECTRON_VERSION}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', `--devdir=${join(CACHE, 'headers')}`], work) &&
        isElectronBuild(built));
    if (!ok) return false;
    // Copy then rename: an interrupted start never leaves a half-written module behind.
    copyFileSync(built, `${NATIVE}.tmp`);
    renameSync(`${NATIVE}.tmp`, NATIVE);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function nativeBinding() {
  const given = process.env.CORDON_SQLITE_BINDING;
  if (given) {
    if (!isElectronBuild(given)) die(`CORDON_SQLITE_BINDING=${given} is not a better_sqlite3.node built for Electron ${ELECTRON_VERSION} (ABI ${ELECTRON_ABI}).`);
    return given;
  }
  if (!isElectronBuild(NATIVE) && !prepareNativeModule()) {
    die(
      `no Electron build of the SQLite module (${relative(repo, NATIVE)}): neither the prebuilt download nor Electron ${ELECTRON_VERSION}'s headers were reachable (details in ${relative(repo, LOG)}); on an air-gapped machine copy a better_sqlite3.node built for Electron ${ELECTRON_VERSION} (ABI ${ELECTRON_ABI}, ${PLATFORM}) there, or set CORDON_SQLITE_BINDING to its path.`,
    );
  }
  return NATIVE;
}

checkBuild();
const electron = electronBinary();
const binding = nativeBinding();
const env = { ...process.env, CORDON_SQLITE_BINDING: binding };
// Set, it would make Electron a plain Node interpreter that ignores the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [repo], { stdio: 'inherit', env, cwd: repo });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => die(`could not start Electron at ${electron} (${err.message}).`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
