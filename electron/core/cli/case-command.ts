import type { Command, CommandContext, OptionSpec } from './command';
import { UsageError } from './passphrase';

// A command on one case file, its first positional. Options are read and checked before the case
// is opened, so a usage error never asks for the passphrase nor touches the file; then `run` works
// on the open case. Commands written this way do not repeat the open-then-call steps.

export interface CaseCommandSpec<P> {
  usage: string;
  summary: string;
  /** FILE first. */
  positionals: string[];
  options: OptionSpec;
  /** Reads and checks the arguments (throws UsageError); runs before the case is opened. */
  parse(ctx: CommandContext): P;
  /** Runs on the open case; returns the exit code (0 when nothing is returned). */
  run(ctx: CommandContext, args: P): Promise<number | void>;
}

export function caseCommand<P>(spec: CaseCommandSpec<P>): Command {
  return {
    usage: spec.usage,
    summary: spec.summary,
    positionals: spec.positionals,
    options: spec.options,
    async run(ctx) {
      const args = spec.parse(ctx);
      await ctx.openCase(ctx.positionals[0]!);
      return (await spec.run(ctx, args)) ?? 0;
    },
  };
}

// Small readers of parsed option values, shared by the commands built on caseCommand.

export const optString = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function needString(v: unknown, flag: string): string {
  const s = optString(v);
  if (s === undefined) throw new UsageError(`${flag} is required`);
  return s;
}

/** "a,b, c" into ["a", "b", "c"]. */
export const csvList = (v: unknown): string[] =>
  (optString(v) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
