/**
 * Resolves on the first SIGINT/SIGTERM/SIGHUP, so a command can shut down in order. Later signals
 * (a second Ctrl-C, the terminal closing) are absorbed: dying half-way through the shutdown could
 * leave the embedded database or a child server running.
 */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
    let received = false;
    const handler = (signal: NodeJS.Signals) => {
      if (!received) {
        received = true;
        resolve(signal);
      }
    };
    for (const s of signals) process.on(s, handler);
  });
}
