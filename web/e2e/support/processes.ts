import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A child process started for the tests, with the tail of its output kept for error messages. */
export interface StartedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<string>;
  output(): string;
}

const KEPT_OUTPUT_CHARS = 20_000;

/** Spawns `command` directly (no shell, so the PID we hold is the process we stop). */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions,
): StartedProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
    if (process.env.E2E_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `код ${code}`));
    child.once('error', (error) => resolve(`ошибка запуска: ${error.message}`));
  });
  return { name, child, exited, output: () => output };
}

/** Runs a command to completion (a build), failing with its output when it fails. */
export async function runToCompletion(name: string, command: string, args: string[], options: SpawnOptions) {
  const started = startProcess(name, command, args, options);
  const result = await started.exited;
  if (result !== 'код 0') throw new Error(`${name} завершился (${result}):\n${started.output()}`);
}

/**
 * SIGTERM, then wait. The API stops its embedded PostgreSQL on SIGTERM; a SIGKILL would leave
 * postgres running, so it is only the last resort after a long wait.
 */
export async function stopProcess(started: StartedProcess, graceMs = 30_000): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill('SIGTERM');
  // An unref'd timer: a pending grace period must not keep the test runner alive on its own.
  const timeout = sleep(graceMs, 'timeout' as const, { ref: false });
  const result = await Promise.race([started.exited, timeout]);
  if (result === 'timeout') {
    console.warn(`${started.name} не остановился за ${graceMs} мс после SIGTERM; SIGKILL`);
    started.child.kill('SIGKILL');
    await started.exited;
  }
}

/** A TCP port that was free a moment ago on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls `url` until it answers 200, failing early if the process serving it exits. */
export async function waitForHttp(url: string, server: StartedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  void server.exited.then((result) => (exited = result));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${server.name} завершился (${exited}) до готовности:\n${server.output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${server.name} не ответил на ${url} за ${timeoutMs} мс:\n${server.output()}`);
}
