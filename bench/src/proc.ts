/**
 * @module proc
 * Server processes under test: spawn, time "spawn → first HTTP answer", read RSS from /proc, and
 * stop the whole process group. Every child is registered so a crash or Ctrl-C of the bench never
 * leaves servers behind on a shared machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';

export interface ServerSpec {
  /** shown in errors and the report */
  name: string;
  cmd: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  port: number;
  /** polled until it answers (Azurite answers 400 to `/`: any status is an answer) */
  probePath?: string;
  /** which answer means ready; default: any (a server that answers is ready) */
  readyWhen?: (status: number) => boolean;
  /** give up after this long */
  timeoutMs?: number;
}

export interface RunningServer {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** spawn → first HTTP answer, whatever its status */
  firstAnswerMs: number;
  /** spawn → the answer `readyWhen` accepts */
  readyMs: number;
  /** the last few KiB the process printed (for error messages) */
  output: () => string;
}

const live = new Set<ChildProcess>();
const OUTPUT_KEEP = 8 * 1024;
const POLL_MS = 5;

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The status of one GET, or undefined when nothing answered. */
function probe(port: number, path: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(undefined));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** Spawns `spec` in its own process group and resolves once it answers HTTP. */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const t0 = process.hrtime.bigint();
  const child = spawn(spec.cmd, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-OUTPUT_KEEP);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
    live.delete(child);
  });
  child.on('error', (err) => {
    exited = `could not start: ${err.message}`;
  });
  const deadline = Date.now() + (spec.timeoutMs ?? 60_000);
  const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e6;
  let firstAnswerMs: number | undefined;
  for (;;) {
    if (exited) throw new Error(`${spec.name} ${exited} before answering HTTP:\n${out}`);
    const status = await probe(spec.port, spec.probePath ?? '/');
    if (status !== undefined) {
      firstAnswerMs ??= elapsed();
      if (spec.readyWhen?.(status) ?? true) break;
    }
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      const last = out.trim().split('\n').pop() ?? '';
      throw new Error(
        `${spec.name} was not ready within ${((spec.timeoutMs ?? 60_000) / 1000).toFixed(0)} s${last ? ` (last output: ${last.slice(0, 160)})` : ''}`,
      );
    }
    await sleep(POLL_MS);
  }
  const readyMs = elapsed();
  const url = `http://127.0.0.1:${spec.port}`;
  return {
    name: spec.name,
    child,
    pid: child.pid ?? 0,
    port: spec.port,
    url,
    firstAnswerMs: firstAnswerMs ?? readyMs,
    readyMs,
    output: () => out,
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Stops the server's process group: `signal` first, SIGKILL after `graceMs` (Azurite ignores
 * SIGTERM for seconds, see docs/reference/perf-anchors.md).
 */
export async function stopServer(
  server: RunningServer,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 2000,
): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, signal);
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

/** Kills every server still running (exit paths and signals). */
export function killAll(): void {
  for (const child of live) killGroup(child, 'SIGKILL');
  live.clear();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function vmRssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // field 4 of /proc/PID/stat is the parent; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const [pid, ppid] of parent) if (ppid === found[i]) found.push(pid);
  }
  return found;
}

/** RSS in MiB of the server (its largest process) and of its whole process tree. */
export function rssMiB(pid: number): { server: number; tree: number } {
  const sizes = descendants(pid).map(vmRssKiB);
  return { server: Math.max(0, ...sizes) / 1024, tree: sizes.reduce((a, b) => a + b, 0) / 1024 };
}
