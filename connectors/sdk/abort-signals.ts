/** Merges the signals that are present; undefined when none is. */
export function combineSignals(...signals: (AbortSignal | null | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s instanceof AbortSignal);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

/** DNS lookups cannot be cancelled; stop waiting for one when the attempt's budget runs out. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
