import { resolve } from 'node:path';
import type { AttachmentView } from '../../../shared/attachments/dto';
import { caseCommand, optString } from '../cli/case-command';
import { jsonOption, type Command, type CommandContext } from '../cli/command';
import { UsageError } from '../cli/passphrase';
import { formatBytes } from './store';

// `cordon attach` and `cordon attachment list|get|remove|limit` (issue 23).

function printWarnings(ctx: CommandContext, warnings: string[]): void {
  for (const w of warnings) ctx.err(`warning: ${w}`);
}

const listLine = (a: AttachmentView) => `${a.id}\t${a.name}\t${a.type}\t${a.size}\t${a.target.kind} ${a.target.id}`;

const viewJson = (a: AttachmentView) => ({
  id: a.id,
  sha256: a.sha256,
  type: a.type,
  size: a.size,
  name: a.name,
  declared_type: a.declaredType,
  target: a.target,
  source_id: a.sourceId,
  text_status: a.textStatus,
  pages: a.pages,
  warnings: a.warnings,
  photo: a.photo,
  thumbnail: a.thumbnail,
  created_by: a.createdBy,
  created_at: a.createdAt,
});

export const ATTACHMENT_COMMANDS: Record<string, Command> = {
  attach: caseCommand({
    usage: 'cordon attach FILE TARGET_ID PATH... [--source ID] [--json]',
    summary:
      'Attach files to an entity, a link or a source report, inside the encrypted case (one transaction: all or none). The type is read from the bytes; a file already in the case is stored once.',
    positionals: ['FILE', 'TARGET_ID', 'PATH...'],
    options: { ...jsonOption, source: { type: 'string' } },
    parse: (ctx) => ({ target: ctx.positionals[1]!, paths: ctx.positionals.slice(2).map((p) => resolve(p)), source: optString(ctx.values.source) }),
    async run(ctx, a) {
      const r = await ctx.call('attachment.add', { targetId: a.target, paths: a.paths, ...(a.source ? { sourceId: a.source } : {}) });
      if (ctx.json) ctx.outJson({ attachments: r.attachments.map((x) => ({ ...viewJson(x), existing: x.existing })) });
      else {
        for (const x of r.attachments) ctx.out(`${x.id}\t${x.name}\t${x.type}\t${x.size}${x.existing ? '\t(already in the case: stored once)' : ''}`);
        printWarnings(
          ctx,
          r.attachments.flatMap((x) => x.warnings),
        );
      }
    },
  }),
  'attachment list': caseCommand({
    usage: 'cordon attachment list FILE [TARGET_ID] [--json]',
    summary: "List the attachments of an entity, link or source report (or of the whole case): id, name, type, size, target.",
    positionals: ['FILE', '[TARGET_ID]'],
    options: { ...jsonOption },
    parse: (ctx) => ({ target: ctx.positionals[1] }),
    async run(ctx, a) {
      const list = await ctx.call('attachment.list', a.target ? { targetId: a.target } : {});
      if (ctx.json) ctx.outJson({ attachments: list.map(viewJson) });
      else for (const x of list) ctx.out(listLine(x));
    },
  }),
  'attachment get': caseCommand({
    usage: 'cordon attachment get FILE ATTACHMENT_ID OUT [--strip-metadata] [--overwrite] [--json]',
    summary: 'Write an attachment to OUT (readable by you only); --strip-metadata removes EXIF, XMP, IPTC and text chunks from a JPEG or PNG photo.',
    positionals: ['FILE', 'ATTACHMENT_ID', 'OUT'],
    options: { ...jsonOption, 'strip-metadata': { type: 'boolean' }, overwrite: { type: 'boolean' } },
    parse: (ctx) => ({ id: ctx.positionals[1]!, out: resolve(ctx.positionals[2]!), strip: ctx.values['strip-metadata'] === true, overwrite: ctx.values.overwrite === true }),
    async run(ctx, a) {
      const r = await ctx.call('attachment.save', { id: a.id, path: a.out, stripMetadata: a.strip, overwrite: a.overwrite });
      if (ctx.json) ctx.outJson(r);
      else ctx.out(`wrote ${r.path} (${r.bytes} bytes${r.stripped ? ', metadata removed' : ''})`);
    },
  }),
  'attachment remove': caseCommand({
    usage: 'cordon attachment remove FILE ATTACHMENT_ID [--json]',
    summary:
      "Remove an attachment (audited). Its content is deleted with the last attachment that uses it; the freed pages are reused by the case's next writes (the file shrinks only when compacted).",
    positionals: ['FILE', 'ATTACHMENT_ID'],
    options: { ...jsonOption },
    parse: (ctx) => ({ id: ctx.positionals[1]! }),
    async run(ctx, a) {
      const r = await ctx.call('attachment.remove', { id: a.id });
      if (ctx.json) ctx.outJson({ id: r.id, content_removed: r.contentRemoved, bytes_freed: r.bytesFreed });
      else ctx.out(r.contentRemoved ? `removed ${r.id}; its content (${formatBytes(r.bytesFreed)}) was deleted from the case` : `removed ${r.id}; its content stays (another attachment uses it)`);
    },
  }),
  'attachment limit': caseCommand({
    usage: 'cordon attachment limit FILE MIB',
    summary: 'Set the largest file this case accepts as an attachment, in MiB (default 2048).',
    positionals: ['FILE', 'MIB'],
    options: {},
    parse: (ctx) => {
      const mib = Number(ctx.positionals[1]);
      if (!Number.isInteger(mib) || mib < 1) throw new UsageError('MIB is a whole number of MiB ≥ 1');
      return { maxBytes: mib * 1024 * 1024 };
    },
    async run(ctx, a) {
      const r = await ctx.call('attachment.setMaxSize', { maxBytes: a.maxBytes });
      ctx.out(`attachments up to ${formatBytes(r.maxBytes)} each`);
    },
  }),
};
