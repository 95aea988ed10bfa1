/**
 * Loads the demo organisation on the first start. Until the import pipeline lands this is a no-op
 * that says so; it will import `demo/` through `keyward import`'s code path.
 */
export async function loadDemoOnFirstStart(log: (line: string) => void): Promise<void> {
  void log;
}
