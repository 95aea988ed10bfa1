/** Drops undefined values, so attributes hold only what the source said. */
export const compact = <T extends Record<string, unknown>>(object: T): Record<string, Exclude<T[keyof T], undefined>> =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Record<
    string,
    Exclude<T[keyof T], undefined>
  >;
