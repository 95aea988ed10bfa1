import { HttpError } from "../../sdk";

/** Longest Vault error message kept: enough to tell "permission denied" from a sealed vault. */
const MAX_VAULT_MESSAGE_CHARS = 120;

/**
 * A Vault answer that is not a success, with Vault's first error message (`{"errors": [...]}`).
 * It is an `HttpError`, so the SDK classifies 401/403 as `permission_denied`. Vault's messages
 * name paths and reasons, never token values; they are still cut short.
 */
export class VaultRequestError extends HttpError {
  readonly vaultMessage: string | undefined;

  constructor(status: number, method: string, url: string | URL, vaultMessage: string | undefined) {
    super(status, method, url);
    this.vaultMessage = vaultMessage?.slice(0, MAX_VAULT_MESSAGE_CHARS);
    this.name = "VaultRequestError";
    if (this.vaultMessage) this.message = `${this.message} (${this.vaultMessage})`;
  }
}
