/** Registers work to undo when the script ends: close the pool, stop PostgreSQL, close a server. */
export type OnExit = (step: () => Promise<unknown>) => void;

/**
 * Runs a script so that its clean-up steps run in reverse order whether it finishes, fails or
 * is interrupted (Ctrl-C, SIGTERM). An embedded PostgreSQL killed with its parent would be left
 * running or need recovery on the next start.
 */
export async function runScript(main: (onExit: OnExit) => Promise<void>): Promise<never> {
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

  try {
    await main((step) => cleanUp.push(step));
    return await exit(0);
  } catch (error) {
    if (!exiting) console.error(error instanceof Error ? error.message : error);
    return exit(1);
  }
}
