// Undo and redo for every chart action (Ctrl+Z / Ctrl+Shift+Z). A command knows how to do and
// undo itself; both may be asynchronous (creating a link goes to the core). Commands run one at
// a time so a quick double Ctrl+Z cannot interleave two undos.

export interface Command {
  /** For the toolbar's tooltip ("Undo move"). */
  label: string;
  do(): void | Promise<void>;
  undo(): void | Promise<void>;
}

const LIMIT = 200;

export class History {
  private done: Command[] = [];
  private undone: Command[] = [];
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly changed: () => void) {}

  /** Runs a command and records it. */
  run(cmd: Command): Promise<void> {
    return this.queue(async () => {
      await cmd.do();
      this.push(cmd);
    });
  }

  /** Records a command whose effect already happened (a drag, a finished layout). */
  record(cmd: Command): void {
    this.push(cmd);
  }

  undo(): Promise<void> {
    return this.queue(async () => {
      const cmd = this.done.pop();
      if (!cmd) return;
      await cmd.undo();
      this.undone.push(cmd);
      this.changed();
    });
  }

  redo(): Promise<void> {
    return this.queue(async () => {
      const cmd = this.undone.pop();
      if (!cmd) return;
      await cmd.do();
      this.done.push(cmd);
      this.changed();
    });
  }

  get canUndo(): string | null {
    return this.done.at(-1)?.label ?? null;
  }

  get canRedo(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  private push(cmd: Command): void {
    this.done.push(cmd);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
    this.changed();
  }

  private queue(fn: () => Promise<void>): Promise<void> {
    const next = this.running.then(fn);
    this.running = next.catch(() => undefined);
    return next;
  }
}
