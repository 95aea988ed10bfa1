/*
 * External types of this connector. A type belongs to exactly one stream (its sweep may retire
 * it), so a certificate served by an endpoint and a certificate found in a file are different
 * types even when they are the same certificate; the shared `thumbprint` joins them.
 * `certificates.certificate` and `certificates.endpoint` match the Keyward import vocabulary.
 */

/** Resource: a configured `host:port` TLS endpoint (stream `targets`). */
export const ENDPOINT_TYPE = "certificates.endpoint";
/** Credential: a certificate a TLS endpoint presented (stream `endpoints`). */
export const TLS_CERTIFICATE_TYPE = "certificates.tls_certificate";
/** Credential: a certificate found in a PEM/DER file (stream `files`). */
export const FILE_CERTIFICATE_TYPE = "certificates.certificate";
/** Credential: a private key found in a PEM file (stream `files`); fingerprint only. */
export const PRIVATE_KEY_TYPE = "certificates.private_key";
