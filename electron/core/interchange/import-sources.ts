import type { z } from 'zod';
import type { sourceInput } from '../../../shared/entities/api';
import type { ImportSpec } from '../../../shared/interchange/api';
import { canonicalJson } from '../store/audit';
import type { Case } from '../store/case';
import { createSource, requireSource } from '../store/sources';

// The source reports of one import: the spec's (or an Admiralty F6 for the file, as nothing enters
// the case without a source), and the per-row ones, each created once however often it is asked.

export type SourceInput = z.output<typeof sourceInput>;

export class ImportSources {
  /** The default source, once made or found. */
  defaultId: string | null = null;
  private readonly made = new Map<string, string>();

  constructor(
    private readonly c: Case,
    private readonly opts: { format: string; fileName: string; sha256: string; spec: ImportSpec | undefined; source?: ImportSpec['source'] },
  ) {}

  /** The source of everything the spec does not source otherwise; created on first use. */
  defaultSource(): string {
    if (this.defaultId) return this.defaultId;
    const s = this.opts.spec?.source ?? this.opts.source;
    if (s && 'id' in s) {
      requireSource(this.c.db, s.id);
      this.defaultId = s.id;
    } else {
      this.defaultId = this.source(
        s ?? {
          title: `Import of ${this.opts.fileName}`,
          scheme: 'admiralty',
          // F6: reliability and truth "cannot be judged" — the honest grade of an ungraded file.
          grade: 'F6',
          reference: `${this.opts.format.toUpperCase()} file, SHA-256 ${this.opts.sha256}`,
          reportDate: new Date().toISOString().slice(0, 10),
        },
      );
    }
    this.made.set('default', this.defaultId);
    return this.defaultId;
  }

  /** A source report for these values; the same report asked twice is created once. */
  source(input: SourceInput): string {
    const key = canonicalJson(input);
    let id = this.made.get(key);
    if (!id) {
      id = createSource(this.c, input);
      this.made.set(key, id);
    }
    return id;
  }

  /** Every source report this import gave its values. */
  get ids(): string[] {
    return [...new Set(this.made.values())];
  }
}
