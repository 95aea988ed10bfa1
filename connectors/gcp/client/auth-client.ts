import { JWT, OAuth2Client, type OAuth2ClientOptions } from "google-auth-library";
import { READ_ONLY_SCOPE, type GcpConfig } from "../config";

/*
 * The principal Keyward calls Google as. A key file becomes a JWT client: google-auth-library
 * signs an assertion with the private key and trades it for an access token, which it caches
 * and refreshes. The private key stays inside the client; it is never logged or put in a record.
 */

/** Where google-auth-library sends service-account assertions; fixed in the library. */
export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

type TransporterOptions = OAuth2ClientOptions["transporterOptions"];

export function createAuthClient(config: GcpConfig, transporterOptions: TransporterOptions): OAuth2Client {
  const key = config.serviceAccountKey;
  if (!key) {
    const client = new OAuth2Client({ transporterOptions });
    client.setCredentials({ access_token: config.accessToken });
    return client;
  }
  const jwt = new JWT({ email: key.client_email, key: key.private_key, scopes: [READ_ONLY_SCOPE], transporterOptions });
  const tokenUri = config.tokenUri;
  if (tokenUri && tokenUri !== GOOGLE_TOKEN_URL) {
    // The library has no token URL option; its own request interceptors are the supported hook.
    jwt.transporter.interceptors.request.add({
      resolved: async (options) => (String(options.url) === GOOGLE_TOKEN_URL ? { ...options, url: new URL(tokenUri) } : options),
    });
  }
  return jwt;
}
