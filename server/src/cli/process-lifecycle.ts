/** Registers work to undo when the process ends: close a server, close the pool, stop PostgreSQL. */
export type OnExit = (step: () => Promise<unknown>) => void;

/**
 * Makes clean-up steps run in reverse order however the process ends: done, failed or
 * interrupted (Ctrl-C, SIGTERM). An embedded PostgreSQL killed with its parent would be left
 * running, or need recovery on the next start.
 */
function lifecycle() {
  const cleanUp: (() => Promise<unknown>)[] = [];
  let exiting = false;

  const exit = async (code: number): Promise<never> => {
    if (!exiting) {
      exiting = true;
      for (const step of cleanUp.reverse()) {
        await step().catch((error: unknown) => console.error('Ошибка при остановке:', error));
      }
      process.exit(code);
    }
    // A second caller (the interrupted main after a signal) waits for the first one to exit.
    return new Promise<never>(() => {});
  };

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      console.error(`\nПрервано (${signal}), останавливаюсь…`);
      void exit(code);
    });
  }

  const fail = (error: unknown) => {
    if (!exiting) console.error(error instanceof Error ? error.message : error);
    return exit(1);
  };
  return { onExit: ((step) => cleanUp.push(step)) as OnExit, exit, fail };
}

/** A command that does its work and ends; `main` may return the exit code (0 by default). */
export async function runScript(main: (onExit: OnExit) => Promise<number | void>): Promise<never> {
  const { onExit, exit, fail } = lifecycle();
  try {
    return await exit((await main(onExit)) ?? 0);
  } catch (error) {
    return fail(error);
  }
}

/** A server: `start` brings it up and it runs until a signal stops it. */
export async function runService(start: (onExit: OnExit) => Promise<void>): Promise<void> {
  const { onExit, fail } = lifecycle();
  try {
    await start(onExit);
  } catch (error) {
    await fail(error);
  }
}
