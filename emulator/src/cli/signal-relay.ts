/**
 * @module cli/signal-relay
 * How `exec` passes signals to its command. Installed before the emulator starts and removed
 * only after it has stopped, so a signal at any moment ends `exec` through its cleanup (store
 * flushed, `--export-on-exit` written), never by Node's default action.
 *
 * - Without a terminal (CI, `timeout`, `docker stop`), the command runs in a process group of its
 *   own and each signal goes to the whole group: a shell form (`exec -- "a && b"`) cannot leave
 *   `a` running against a stopped emulator.
 * - With a terminal, the command stays in the terminal's foreground group, so it can read the
 *   keyboard. Ctrl-C there already reaches it, so SIGINT is not sent a second time (test runners
 *   read a second one as "quit now, skip teardown"); SIGTERM and SIGHUP are passed on.
 */
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

const RELAYED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function signalNumber(signal: NodeJS.Signals): number {
  return constants.signals[signal] ?? 1;
}

export class SignalRelay {
  /** The first signal received, if any. */
  received: NodeJS.Signals | undefined;
  /** Whether the command gets a process group of its own (no terminal on stdin). */
  readonly ownGroup: boolean;
  private child: ChildProcess | undefined;
  private readonly handler = (signal: NodeJS.Signals) => this.onSignal(signal);

  constructor(interactive: boolean = process.stdin.isTTY === true) {
    this.ownGroup = !interactive;
    for (const s of RELAYED) process.on(s, this.handler);
  }

  /** The command to pass signals to from now on. */
  attach(child: ChildProcess): void {
    this.child = child;
  }

  /** 128 + the signal's number, as a shell reports a command ended by it. */
  exitCode(): number {
    return 128 + (this.received ? signalNumber(this.received) : 1);
  }

  dispose(): void {
    for (const s of RELAYED) process.off(s, this.handler);
  }

  private onSignal(signal: NodeJS.Signals): void {
    this.received ??= signal;
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    if (!this.ownGroup && signal === 'SIGINT') return; // the terminal sent it to the command too
    try {
      if (this.ownGroup) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // the command ended in between
    }
  }
}
