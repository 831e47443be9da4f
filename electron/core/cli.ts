import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Input, Method, Output } from '../../shared/api';
import { CordonError, isErrorPayload, type ErrorPayload } from '../../shared/errors';
import type { Command, CommandContext } from './cli/command';
import { COMMANDS } from './cli/commands';
import { EXIT, exitCodeFor } from './cli/exit-codes';
import { readPassphrase, UsageError, type PassphraseSource } from './cli/passphrase';
import { terminalProgress } from './cli/progress';
import { createCore } from './runtime';

// `cordon`: the CLI of DESIGN.md §8. It drives the same core, through the same contract and
// validation, as the UI; only the transport differs (direct calls).

export interface CliIo extends PassphraseSource {
  stdout: NodeJS.WritableStream;
}

export const VERSION = '0.1.0';

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'Usage: cordon <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command that opens a case reads its passphrase from the environment variable named by',
    '--passphrase-env (default CORDON_PASSPHRASE), or asks on a terminal. Never pass it as an argument.',
    'Exit codes: 0 ok, 1 failure, 2 usage, 3 wrong passphrase or not a case file, 4 input rejected.',
  ].join('\n');
}

function findCommand(argv: string[]): { name: string; command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS[name];
    if (command) return { name, command, rest: argv.slice(words) };
  }
  return null;
}

class CallFailed extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const err = (line: string) => io.stderr.write(`cordon: ${line}\n`);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? io.stderr : io.stdout).write(`${usage()}\n`);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === '--version') {
    out(VERSION);
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    err(`unknown command "${argv.slice(0, 2).join(' ')}" (try cordon --help)`);
    return EXIT.usage;
  }
  const { name, command, rest } = found;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, 'passphrase-env': { type: 'string' }, help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    err(`${(e as Error).message.split('\n')[0]}\n  usage: ${command.usage}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    out(`${command.usage}\n  ${command.summary}`);
    return EXIT.ok;
  }
  // A positional written [NAME] may be left out; one written NAME... (or a variadic command's last) takes one or more.
  const required = command.positionals.filter((p) => !p.startsWith('[')).length;
  const variadic = command.variadic === true || command.positionals.at(-1)?.endsWith('...') === true;
  const given = parsed.positionals.length;
  if (given < required || (!variadic && given > command.positionals.length)) {
    err(`${name} takes ${command.positionals.join(' ')}\n  usage: ${command.usage}`);
    return EXIT.usage;
  }

  const dataDir = io.env.CORDON_DATA_DIR ?? join(io.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'cordon');
  // --json output is for scripts: no progress line even on a terminal.
  const core = createCore({ dataDir, emit: parsed.values.json === true ? () => undefined : terminalProgress(io.stderr) });
  const envName = typeof parsed.values['passphrase-env'] === 'string' ? parsed.values['passphrase-env'] : 'CORDON_PASSPHRASE';
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await core.call(method, input);
    if (!r.ok) throw new CallFailed(r.error);
    return r.value as Output<M>;
  };
  // Asked once per command (a terminal prompt), whichever of openCase or passphrase() asks first.
  let passphrase: Promise<string> | null = null;
  const readCasePassphrase = (confirm: boolean) => (passphrase ??= readPassphrase(io, envName, confirm));
  const ctx: CommandContext = {
    positionals: parsed.positionals,
    values: parsed.values as CommandContext['values'],
    json: parsed.values.json === true,
    passphrase: () => readCasePassphrase(false),
    secret: (name, label, confirm) => readPassphrase(io, name, confirm, label),
    async openCase(file, opts) {
      const passphrase = await readCasePassphrase(opts?.create !== undefined);
      if (opts?.create) await call('case.create', { path: file, passphrase, ...opts.create });
      else await call('case.open', { path: file, passphrase });
    },
    call,
    out,
    err,
    outJson: (value) => out(JSON.stringify(value, null, 2)),
  };
  try {
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n  usage: ${command.usage}`);
      return EXIT.usage;
    }
    const payload = e instanceof CallFailed ? e.payload : e instanceof CordonError ? e.toPayload() : isErrorPayload(e) ? e : null;
    if (payload) {
      err(`${payload.code}: ${payload.message}`);
      return exitCodeFor(payload.code);
    }
    err(`unexpected failure (${(e as Error)?.name ?? 'error'})`);
    return EXIT.failure;
  } finally {
    core.dispose();
  }
}

// Run when this module is the program (the bin shim imports it), not when a test imports it.
const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:cordon(?:\.mjs)?|cli\.[cm]?[jt]s)$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write('cordon: unexpected failure\n');
      process.exitCode = EXIT.failure;
    },
  );
}
