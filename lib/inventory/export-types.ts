/* Types of the export document; the schema (and its rules) is in export-schema.ts. */

import type { z } from "zod";
import type {
  EXPORT_FORMAT,
  exportCredentialSchema,
  exportEdgeSchema,
  exportFindingSchema,
  exportIdentitySchema,
  exportLocationSchema,
  exportOwnerSchema,
  exportPersonSchema,
  exportResourceSchema,
} from "@/lib/inventory/export-schema";

export { EXPORT_FORMAT } from "@/lib/inventory/export-schema";

export type ExportOwner = z.infer<typeof exportOwnerSchema>;
export type ExportLocation = z.infer<typeof exportLocationSchema>;
export type ExportIdentity = z.infer<typeof exportIdentitySchema>;
export type ExportCredential = z.infer<typeof exportCredentialSchema>;
export type ExportResource = z.infer<typeof exportResourceSchema>;
export type ExportEdge = z.infer<typeof exportEdgeSchema>;
export type ExportPerson = z.infer<typeof exportPersonSchema>;
export type ExportFinding = z.infer<typeof exportFindingSchema>;

/** The sections in document order, each streamed page by page from the database. */
export type InventoryExport = {
  keyward: typeof EXPORT_FORMAT;
  asOf: string;
  identities: AsyncIterable<ExportIdentity>;
  credentials: AsyncIterable<ExportCredential>;
  resources: AsyncIterable<ExportResource>;
  edges: AsyncIterable<ExportEdge>;
  people: AsyncIterable<ExportPerson>;
  findings: AsyncIterable<ExportFinding>;
};

export const EXPORT_SECTIONS = ["identities", "credentials", "resources", "edges", "people", "findings"] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];
