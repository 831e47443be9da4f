import type { ImportIssue, ImportReport, ImportSampleRow } from '../../../shared/interchange/dto';

// The import report: counts, and the reason for every record left out ("row 1,203: …").

export const MAX_LISTED_ERRORS = 1000;
const SAMPLE_ROWS = 20;
const fmt = new Intl.NumberFormat('en-US');

/** "row 1,203" — the way analysts find it again in their spreadsheet. */
export function rowLabel(row: number, noun = 'row'): string {
  return `${noun} ${fmt.format(row)}`;
}

export class ReportBuilder {
  records = 0;
  created = 0;
  merged = 0;
  skipped = 0;
  links = 0;
  readonly errors: ImportIssue[] = [];
  moreErrors = 0;
  readonly warnings: string[] = [];
  readonly sample: ImportSampleRow[] = [];

  constructor(private readonly noun: string) {}

  /** A record left out, with its reason. */
  skip(row: number | null, message: string): void {
    this.skipped++;
    this.issue(row, message);
  }

  /** A problem that did not leave the record out (e.g. a value kept as a note). */
  issue(row: number | null, message: string): void {
    if (this.errors.length >= MAX_LISTED_ERRORS) {
      this.moreErrors++;
      return;
    }
    this.errors.push({ row, reason: message, message: row === null ? message : `${rowLabel(row, this.noun)}: ${message}` });
  }

  warn(message: string): void {
    if (!this.warnings.includes(message) && this.warnings.length < 100) this.warnings.push(message);
  }

  wantsSample(): boolean {
    return this.sample.length < SAMPLE_ROWS;
  }

  finish(fields: Omit<ImportReport, 'records' | 'created' | 'merged' | 'skipped' | 'links' | 'errors' | 'moreErrors' | 'warnings' | 'sample'>): ImportReport {
    return {
      ...fields,
      records: this.records,
      created: this.created,
      merged: this.merged,
      skipped: this.skipped,
      links: this.links,
      errors: this.errors,
      moreErrors: this.moreErrors,
      warnings: this.warnings,
      sample: this.sample,
    };
  }
}
