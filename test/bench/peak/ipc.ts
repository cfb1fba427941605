/**
 * A bench part in a process of its own (the emulator, the server), driven over Node's IPC channel: the
 * parent calls named operations and awaits their answers. Each child has its own event loop, so the load
 * generator, the server and SharePoint's stand-in never wait on one another's work.
 */
import { fork, type ChildProcess } from 'node:child_process';

type Handler = (...args: never[]) => unknown;

interface CallMessage {
  readonly id: number;
  readonly name: string;
  readonly args: unknown[];
}

type AnswerMessage =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Child side: answers the parent's calls until the parent goes, then exits. */
export function serve(handlers: Readonly<Record<string, Handler>>, ready: unknown): void {
  if (!process.send) throw new Error('A bench child runs only under its parent (fork with IPC)');
  process.on('message', (message: CallMessage) => {
    const handler = handlers[message.name];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`No operation ${message.name}`);
        return (handler as (...args: unknown[]) => unknown)(...message.args);
      })
      .then(
        (value) => process.send!({ id: message.id, ok: true, value } satisfies AnswerMessage),
        (error: unknown) =>
          process.send!({
            id: message.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          } satisfies AnswerMessage),
      );
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready });
}

export interface Child<R> {
  /** What the child sent when it was ready (its URL, say). */
  readonly ready: R;
  call<T = unknown>(name: string, ...args: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

/** Starts a TypeScript bench child and waits until it says it is ready. */
export async function start<R>(script: URL, env: Readonly<Record<string, string>> = {}): Promise<Child<R>> {
  const child: ChildProcess = fork(script.pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  const ready = await new Promise<R>((resolve, reject) => {
    const early = (code: number | null): void =>
      reject(new Error(`${script.pathname} exited (${code}) before it was ready`));
    child.once('exit', early);
    child.on('message', (raw: { ready: R } | AnswerMessage) => {
      if ('ready' in raw) {
        child.off('exit', early);
        resolve(raw.ready);
        return;
      }
      const message: AnswerMessage = raw;
      const pending = waiting.get(message.id);
      if (!pending) return;
      waiting.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(message.error));
    });
  });
  child.on('exit', (code) => {
    for (const pending of waiting.values()) pending.reject(new Error(`bench child exited (${code})`));
    waiting.clear();
  });
  return {
    ready,
    call: <T>(name: string, ...args: unknown[]) =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, name, args } satisfies CallMessage);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
