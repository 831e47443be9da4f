import { CordonError } from '../../../shared/errors';
import { checkZipBounds } from './zip-guard';

// The text of a document, page by page, for the full-text index (issue 23). Nothing here runs
// content: pdf.js parses with eval off, no XFA, no fonts loaded into any renderer, no worker fetched
// (its worker module is bundled and runs in this thread), no network; mammoth reads DOCX as XML
// after the ZIP passed checkZipBounds. Extraction is bounded: documents up to MAX_DOCUMENT_BYTES
// are read, at most MAX_TEXT_CHARS of text kept.

export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
export const MAX_TEXT_CHARS = 16 * 1024 * 1024;
/** Plain text is cut into pages of about this many characters, at a line end, so a hit names a place. */
const TEXT_PAGE_CHARS = 3000;

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExtractedText {
  pages: string[];
  /** 'indexed', or why there is no text (said to the analyst). */
  status: string;
  warnings: string[];
}

export function extractable(type: string): boolean {
  return type === 'application/pdf' || type === DOCX || type === 'text/plain';
}

function bounded(pages: string[]): { pages: string[]; cut: boolean } {
  let total = 0;
  const out: string[] = [];
  for (const p of pages) {
    if (total + p.length > MAX_TEXT_CHARS) {
      out.push(p.slice(0, MAX_TEXT_CHARS - total));
      return { pages: out, cut: true };
    }
    total += p.length;
    out.push(p);
  }
  return { pages: out, cut: false };
}

function textPages(text: string): string[] {
  const pages: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + TEXT_PAGE_CHARS);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start) end = nl + 1;
    }
    pages.push(text.slice(start, end));
    start = end;
  }
  return pages;
}

function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return new TextDecoder('utf-8').decode(bytes);
}

let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs') | null = null;
async function loadPdfjs() {
  if (!pdfjs) {
    // The worker's code, loaded here, is what pdf.js uses in-thread instead of fetching a worker file.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  }
  return pdfjs;
}

async function pdfText(bytes: Buffer, name: string): Promise<{ pages: string[]; warnings: string[] }> {
  const lib = await loadPdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const warnings: string[] = [];
    // What the parser itself sees (compressed object streams hide these names from a byte scan).
    const js = await doc.getJSActions();
    if (js && Object.keys(js).length > 0) warnings.push(`${name} contains JavaScript; Cordon never runs it.`);
    const files = await doc.getAttachments();
    if (files && Object.keys(files).length > 0) warnings.push(`${name} contains ${Object.keys(files).length} embedded file(s); they stay inside the PDF and are never opened.`);
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join(''));
      page.cleanup();
    }
    return { pages, warnings };
  } finally {
    await doc.destroy();
  }
}

async function docxText(bytes: Buffer): Promise<string[]> {
  checkZipBounds(bytes);
  const mammoth = await import('mammoth');
  const r = await mammoth.extractRawText({ buffer: bytes });
  // Word has no fixed pages; its text is paged like plain text.
  return textPages(r.value);
}

/** Extracts the text of `bytes` (of detected `type`); never throws for bad content, says why instead. */
export async function extractText(type: string, bytes: Buffer, name: string): Promise<ExtractedText> {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return { pages: [], status: `not indexed: over ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MiB`, warnings: [`${name}: its text is not indexed (documents over ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MiB are not read for text).`] };
  }
  try {
    let pages: string[];
    const warnings: string[] = [];
    if (type === 'application/pdf') {
      const r = await pdfText(bytes, name);
      pages = r.pages;
      warnings.push(...r.warnings);
    } else if (type === DOCX) pages = await docxText(bytes);
    else pages = textPages(decodeText(bytes));
    const b = bounded(pages);
    if (b.cut) warnings.push(`${name}: only the first ${MAX_TEXT_CHARS / (1024 * 1024)} Mi characters of its text are indexed.`);
    return { pages: b.pages, status: 'indexed', warnings };
  } catch (err) {
    const why = err instanceof CordonError ? err.message : 'it could not be read as a document';
    return { pages: [], status: `not indexed: ${why}`, warnings: [`${name}: its text was not extracted: ${why}.`] };
  }
}
