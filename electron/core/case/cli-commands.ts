import { basename } from 'node:path';
import type { Command } from '../cli/command';
import { isRegion } from '../../../shared/comms/phone';
import { jsonOption as json, str } from '../cli/command';
import { printRecoveryKey } from '../casefile/cli-commands';
import { UsageError } from '../cli/passphrase';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

// `cordon case create`, `cordon case info` and `cordon audit verify` (DESIGN.md §8).

export const CASE_COMMANDS: Record<string, Command> = {
  'case create': {
    usage: 'cordon case create FILE [--name NAME] [--bureau CODE] [--region CC] [--tz ZONE] [--no-recovery-key] [--json]',
    summary:
      "Create a new encrypted case file (asks for the passphrase twice) and show its recovery key once; --region: the country national phone numbers are read in, --tz: the time zone of call records' times; --no-recovery-key: this case never has one (for the most sensitive cases: a forgotten passphrase then loses it).",
    positionals: ['FILE'],
    options: { ...json, name: { type: 'string' }, bureau: { type: 'string' }, region: { type: 'string' }, tz: { type: 'string' }, 'no-recovery-key': { type: 'boolean' } },
    async run(ctx) {
      const file = ctx.positionals[0]!;
      const name = str(ctx.values.name) ?? basename(file).replace(/\.cordon$/i, '');
      const region = str(ctx.values.region)?.trim().toUpperCase();
      const tz = str(ctx.values.tz);
      // Checked before the file is made: a mistyped region must not leave a case without one.
      if (region !== undefined && !isRegion(region)) throw new UsageError(`--region takes a two-letter country code whose numbers Cordon knows (such as FR), not "${region}"`);
      if (tz !== undefined && !isTimeZone(tz)) throw new UsageError(`--tz takes an IANA time zone such as Europe/Paris, not "${tz}"`);
      await ctx.openCase(file, { create: { name, bureau: str(ctx.values.bureau) ?? 'XX' } });
      if (region !== undefined || tz !== undefined) await ctx.call('case.setRegion', { region: region ?? null, ...(tz ? { timeZone: tz } : {}) });
      const info = await ctx.call('case.info', {});
      let recoveryKey: string | null = null;
      if (ctx.values['no-recovery-key'] === true) await ctx.call('casefile.declineRecoveryKeys', {});
      else recoveryKey = (await ctx.call('casefile.recoveryKey', { passphrase: await ctx.passphrase() })).recoveryKey;
      if (ctx.json) ctx.outJson({ id: info!.caseId, name: info!.name, bureau: info!.bureau, path: info!.path, recovery_key: recoveryKey });
      else {
        ctx.out(info!.caseId);
        printRecoveryKey(ctx, recoveryKey);
      }
      return 0;
    },
  },
  'case info': {
    usage: 'cordon case info FILE [--json]',
    summary: 'Show what a case holds.',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const info = (await ctx.call('case.info', {}))!;
      if (ctx.json) ctx.outJson(info);
      else {
        ctx.out(`case      ${info.name} (${info.caseId})`);
        ctx.out(`bureau    ${info.bureau}`);
        ctx.out(`schema    ${info.schemaVersion}`);
        ctx.out(`entities  ${info.entities}`);
        ctx.out(`links     ${info.links}`);
        ctx.out(`sources   ${info.sources}`);
        ctx.out(`handling  ${info.handling ?? '-'}   TLP ${info.tlp ?? '-'}`);
      }
      return 0;
    },
  },
};

export const AUDIT_COMMANDS: Record<string, Command> = {
  'audit verify': {
    usage: 'cordon audit verify FILE [--json]',
    summary: 'Check the hash chain of the audit log; exits 1 and names the first broken row.',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const v = await ctx.call('audit.verify', {});
      if (ctx.json) ctx.outJson({ ok: v.ok, rows: v.rows, first_broken: v.firstBroken, reason: v.reason });
      else ctx.out(v.ok ? `audit log intact: ${v.rows} rows` : `audit log BROKEN at row ${v.firstBroken}: ${v.reason}`);
      if (v.ok) return 0;
      ctx.err(`audit log broken at row ${v.firstBroken}: ${v.reason}`);
      return 1;
    },
  },
};
