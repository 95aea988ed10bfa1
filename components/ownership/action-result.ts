/** What the ownership server actions answer (lib/ownership/actions.ts): a message, or an error and its field. */
export type OwnershipFormResult = { ok: true; message: string } | { ok: false; error: string; field?: string };

export type OwnershipAction = (input: unknown) => Promise<OwnershipFormResult>;
