import { existsSync, statSync } from 'node:fs';

// bench:store's printing: its `BENCH {json}` lines, times, sizes and numbers as it shows them.

export function bench(obj: Record<string, unknown>): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'store', ...obj })}`);
}

export function ms(from: bigint, to: bigint = process.hrtime.bigint()): number {
  return Number(to - from) / 1e6;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function fileSizes(path: string): { db: number; wal: number; shm: number; total: number } {
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
  const db = size(path);
  const wal = size(`${path}-wal`);
  const shm = size(`${path}-shm`);
  return { db, wal, shm, total: db + wal };
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
