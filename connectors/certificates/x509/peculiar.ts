/*
 * The one entry point to @peculiar/x509. Its dependency tsyringe needs the Reflect metadata API
 * before the library is evaluated; ES modules evaluate imports in order, so every connector
 * module imports the library through here.
 */
import "reflect-metadata";

export { BasicConstraintsExtension, SubjectAlternativeNameExtension, X509Certificate } from "@peculiar/x509";
