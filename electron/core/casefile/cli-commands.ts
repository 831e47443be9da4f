import { resolve } from 'node:path';
import type { RekeyResult, VerifyReport } from '../../../shared/casefile/dto';
import type { Command, CommandContext } from '../cli/command';
import { jsonOption as json } from '../cli/command';
import { EXIT } from '../cli/exit-codes';

// `cordon backup`, `verify`, `restore`, `case rekey`, `case recover`, `case recovery-key` (issue 21).

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function printRecoveryKey(ctx: CommandContext, key: string | null): void {
  if (!key) return;
  // On stderr: stdout stays what scripts read; a person at the terminal sees it once.
  ctx.err('recovery key (shown once: write it on paper and keep it apart from this computer; it opens this case without the passphrase):');
  ctx.err(`  ${key}`);
}

function printVerify(ctx: CommandContext, r: VerifyReport): void {
  if (ctx.json) {
    ctx.outJson(r);
    return;
  }
  ctx.out(r.ok ? 'ok' : `NOT OK: ${r.problem}`);
  ctx.out(`integrity  ${r.integrity}`);
  ctx.out(`references ${r.foreignKeys === 0 ? 'ok' : `${r.foreignKeys} broken`}`);
  ctx.out(`audit      ${r.audit.ok ? 'ok' : `broken (${r.audit.reason ?? '?'})`}, ${r.audit.rows} rows`);
  ctx.out(`schema     ${r.schema ?? '-'}`);
}

function printRekey(ctx: CommandContext, r: RekeyResult, what: string): void {
  if (ctx.json) ctx.outJson({ path: r.path, rekeyed: true, recovery_key: r.recoveryKey });
  else {
    ctx.out(`${what}: ${r.path}`);
    ctx.out('backups made before this change still open with the previous passphrase (or recovery key) only');
    printRecoveryKey(ctx, r.recoveryKey);
  }
}

export const CASEFILE_COMMANDS: Record<string, Command> = {
  backup: {
    usage: 'cordon backup FILE OUT [--json]',
    summary: 'Write a verified, encrypted copy of the case (it opens with the passphrase the case has now) to OUT.',
    positionals: ['FILE', 'OUT'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('casefile.backup', { path: resolve(ctx.positionals[1]!) });
      if (ctx.json) ctx.outJson({ path: r.path, bytes: r.bytes, sha256: r.sha256, verified: r.verified });
      else ctx.out(`${r.path}  ${r.bytes} bytes  sha256 ${r.sha256}  verified`);
      return EXIT.ok;
    },
  },
  'case auto-backup': {
    usage: 'cordon case auto-backup FILE [--folder DIR --every HOURS --keep N | --off | --now] [--json]',
    summary: 'Automatic backups: set them (a verified backup into DIR every HOURS, the last N kept), turn them off, make one now if due, or show them.',
    positionals: ['FILE'],
    options: { ...json, folder: { type: 'string' }, every: { type: 'string' }, keep: { type: 'string' }, off: { type: 'boolean' }, now: { type: 'boolean' } },
    async run(ctx) {
      const folder = str(ctx.values.folder);
      const modes = [folder !== undefined, ctx.values.off === true, ctx.values.now === true].filter(Boolean).length;
      if (modes > 1) {
        ctx.err('Give one of --folder, --off or --now.');
        return EXIT.usage;
      }
      await ctx.openCase(ctx.positionals[0]!);
      if (ctx.values.now === true) {
        const r = await ctx.call('casefile.autoBackupIfDue', {});
        if (ctx.json) ctx.outJson(r);
        else if (r.ran) ctx.out([`${r.backup!.path}  ${r.backup!.bytes} bytes  verified`, ...r.removed.map((p) => `removed the older ${p}`)].join('\n'));
        else ctx.out({ off: 'automatic backups are off', 'not-due': 'no backup due', 'folder-missing': 'the backup folder is not there (drive not plugged in?): nothing written' }[r.reason as 'off' | 'not-due' | 'folder-missing']);
        return r.reason === 'folder-missing' ? EXIT.failure : EXIT.ok;
      }
      if (folder !== undefined || ctx.values.off === true) {
        const every = Number(str(ctx.values.every) ?? '24');
        const keep = Number(str(ctx.values.keep) ?? '7');
        const policy = folder === undefined ? null : { folder: resolve(folder), everyHours: every, keep };
        const r = await ctx.call('casefile.setAutoBackup', { policy });
        if (ctx.json) ctx.outJson({ auto: r });
        else ctx.out(r ? `automatic backups to ${r.folder} every ${r.everyHours} h, the last ${r.keep} kept` : 'automatic backups off');
        return EXIT.ok;
      }
      const s = await ctx.call('casefile.backupStatus', {});
      if (ctx.json) ctx.outJson({ auto: s.auto, last: s.last });
      else ctx.out([s.auto ? `automatic backups to ${s.auto.folder} every ${s.auto.everyHours} h, the last ${s.auto.keep} kept` : 'automatic backups off', s.last ? `last backup ${s.last.at}  ${s.last.path}` : 'no backup yet'].join('\n'));
      return EXIT.ok;
    },
  },
  verify: {
    usage: 'cordon verify FILE [--json]',
    summary: 'Check a case file or a backup: it opens, integrity and references, the audit chain, the header. Exit 0 when ok, 1 otherwise.',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      const passphrase = await ctx.passphrase();
      const r = await ctx.call('casefile.verify', { path: resolve(ctx.positionals[0]!), passphrase });
      printVerify(ctx, r);
      return r.ok ? EXIT.ok : EXIT.failure;
    },
  },
  restore: {
    usage: 'cordon restore BACKUP FILE [--force] [--json]',
    summary: 'Check BACKUP, then restore it to FILE; an existing FILE is replaced only with --force and kept beside it.',
    positionals: ['BACKUP', 'FILE'],
    options: { ...json, force: { type: 'boolean' } },
    async run(ctx) {
      const passphrase = await ctx.passphrase();
      const r = await ctx.call('casefile.restore', { backup: resolve(ctx.positionals[0]!), path: resolve(ctx.positionals[1]!), passphrase, force: ctx.values.force === true });
      if (ctx.json) ctx.outJson(r);
      else {
        ctx.out(`restored ${r.path}`);
        if (r.replaced) ctx.out(`the file it replaced is kept as ${r.replaced}`);
      }
      return EXIT.ok;
    },
  },
  'case rekey': {
    usage: 'cordon case rekey FILE [--new-passphrase-env VAR] [--json]',
    summary: 'Change the passphrase: re-encrypt the case with a key from the new passphrase (read from VAR, default CORDON_NEW_PASSPHRASE, or asked twice).',
    positionals: ['FILE'],
    options: { ...json, 'new-passphrase-env': { type: 'string' } },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const passphrase = await ctx.passphrase();
      const newPassphrase = await ctx.secret(str(ctx.values['new-passphrase-env']) ?? 'CORDON_NEW_PASSPHRASE', 'New passphrase', true);
      printRekey(ctx, await ctx.call('casefile.rekey', { passphrase, newPassphrase }), 'passphrase changed');
      return EXIT.ok;
    },
  },
  'case recover': {
    usage: 'cordon case recover FILE --recovery-key-env VAR [--new-passphrase-env VAR] [--json]',
    summary: 'Open the case with its recovery key and set a new passphrase (a new recovery key is issued).',
    positionals: ['FILE'],
    options: { ...json, 'recovery-key-env': { type: 'string' }, 'new-passphrase-env': { type: 'string' } },
    async run(ctx) {
      const recoveryKey = await ctx.secret(str(ctx.values['recovery-key-env']) ?? 'CORDON_RECOVERY_KEY', 'Recovery key', false);
      const newPassphrase = await ctx.secret(str(ctx.values['new-passphrase-env']) ?? 'CORDON_NEW_PASSPHRASE', 'New passphrase', true);
      printRekey(ctx, await ctx.call('casefile.recover', { path: resolve(ctx.positionals[0]!), recoveryKey, newPassphrase }), 'recovered, new passphrase set');
      return EXIT.ok;
    },
  },
  'case recovery-key': {
    usage: 'cordon case recovery-key FILE [--json]',
    summary: 'Show a recovery key for the case (once; refused when the case declined recovery keys).',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('casefile.recoveryKey', { passphrase: await ctx.passphrase() });
      if (ctx.json) ctx.outJson({ recovery_key: r.recoveryKey });
      else printRecoveryKey(ctx, r.recoveryKey);
      return EXIT.ok;
    },
  },
};
