import { spawnSync } from 'node:child_process';

// Reading a PDF back with poppler-utils (pdfinfo, pdftotext; apt poppler-utils, installed by
// .ci/run): a reader independent of the library that wrote it.

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

export function pdfPageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))![1]);
}

/** The text of each page, in order. */
export function pdfPages(file: string): string[] {
  return Array.from({ length: pdfPageCount(file) }, (_, i) => run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-']));
}

/** Page `page` (1-based) rendered to `outPng` with pdftoppm, at `dpi`. */
export function pdfPageToPng(file: string, page: number, outPng: string, dpi = 80): void {
  run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', '-singlefile', file, outPng.replace(/\.png$/, '')]);
}
