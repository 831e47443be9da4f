import type { Input, Method, Output } from '../../../shared/api';
import { UsageError } from './passphrase';

// What a CLI command is, and the small readers of parsed options every command uses. A leaf: each
// feature's cli-commands.ts imports it, and cli/commands.ts assembles those files, so no feature's
// commands import the assembly (DESIGN.md §8 is the CLI contract).

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
  /** Opens FILE with the passphrase (or creates it), then runs calls on it. */
  openCase(file: string, opts?: { create?: { name: string; bureau: string } }): Promise<void>;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  out(line: string): void;
  /** One line on stderr. */
  err(line: string): void;
  outJson(value: unknown): void;
  /** The case passphrase (--passphrase-env, or asked once on a terminal); the same one openCase uses. */
  passphrase(): Promise<string>;
  /** Another secret (a new passphrase, a recovery key) from the environment variable `envName`, or asked. */
  secret(envName: string, label: string, confirm: boolean): Promise<string>;
}

export interface Command {
  usage: string;
  summary: string;
  positionals: string[];
  /** The last positional may repeat (PHONE PHONE [PHONE…]). */
  variadic?: boolean;
  options: OptionSpec;
  run(ctx: CommandContext): Promise<number>;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

/** `--prop key=value` (repeatable) into the contract's property map. */
export function parseProps(props: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of props) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--prop takes key=value, got "${p}"`);
    (out[p.slice(0, eq).trim()] ??= []).push(p.slice(eq + 1));
  }
  return out;
}

/** The `--json` flag (DESIGN.md §8: every command takes it). */
export const jsonOption = { json: { type: 'boolean' } } as const;

/** The id of what was created: `{"id": …}` under --json (DESIGN.md §8), else the bare id. */
export function printId(ctx: CommandContext, id: string): void {
  if (ctx.json) ctx.outJson({ id });
  else ctx.out(id);
}
