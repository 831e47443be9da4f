import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The SQLite module is built twice: for Node (tests, CLI; it stays in node_modules) and for
// Electron (the app). Under Electron we load the Electron build through better-sqlite3's
// `nativeBinding` option; see ../shared/notes/toolchain.md.
export function resolveNativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined;
  const candidates = [
    process.env.CORDON_SQLITE_BINDING,
    // Packaged: electron-builder rebuilt the module for Electron and unpacked it from the asar.
    join((process as NodeJS.Process & { resourcesPath?: string }).resourcesPath ?? '', 'app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'),
    // Development (`npm start`): scripts/start.mjs prepares this build.
    join(process.cwd(), '.cache/electron-native/better_sqlite3.node'),
  ];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
