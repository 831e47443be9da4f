import { CordonError } from '../../../shared/errors';

// The passphrase never comes from argv (it would show in `ps` and shell history): it comes from
// the environment variable named by --passphrase-env, or from a prompt on a terminal.

export interface PassphraseSource {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  stderr: NodeJS.WritableStream;
}

export class UsageError extends Error {}

export async function readPassphrase(src: PassphraseSource, envName: string, confirm: boolean, label = 'Passphrase'): Promise<string> {
  const fromEnv = src.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const tty = src.stdin as NodeJS.ReadStream;
  if (!tty.isTTY || typeof tty.setRawMode !== 'function') {
    throw new UsageError(`no ${label.toLowerCase()}: set ${envName} or run on a terminal to be asked`);
  }
  const first = await prompt(tty, src.stderr, `${label}: `);
  if (confirm) {
    const second = await prompt(tty, src.stderr, `${label} again: `);
    if (first !== second) throw new CordonError('INVALID_INPUT', `The two ${label.toLowerCase()}s differ.`);
  }
  return first;
}

/** Reads one line without echo. */
function prompt(tty: NodeJS.ReadStream, out: NodeJS.WritableStream, label: string): Promise<string> {
  out.write(label);
  tty.setRawMode(true);
  tty.resume();
  tty.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          out.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new UsageError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      tty.off('data', onData);
      tty.setRawMode(false);
      tty.pause();
    };
    tty.on('data', onData);
  });
}
