import { PassThrough } from 'node:stream';
import { runCli, type CliIo } from '../../electron/core/cli';

/** In-memory stdio for running the CLI in-process. */
export function captureIo(env: Record<string, string>): CliIo & { stdoutText(): string; stderrText(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  return {
    env,
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stdout,
    stderr,
    stdoutText: () => Buffer.concat(chunks.out).toString('utf8'),
    stderrText: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}

/** Runs `cordon ARGV…` in-process with these variables; answers the exit code and both outputs. */
export function cliRunner(env: Record<string, string>) {
  return async (...argv: string[]) => {
    const io = captureIo(env);
    const code = await runCli(argv, io);
    return { code, out: io.stdoutText(), err: io.stderrText() };
  };
}
