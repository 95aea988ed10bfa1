/*
 * The one entry point to @peculiar/x509: the polyfill import must be evaluated before the
 * library, and ES modules evaluate imports in order, so every connector module imports the
 * library through here.
 */
import "./reflect-polyfill";

export { BasicConstraintsExtension, SubjectAlternativeNameExtension, X509Certificate } from "@peculiar/x509";
