import type { TestProject } from "vitest/node";
import { startTestServer } from "./database-server";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide("adminDatabaseUrl", server.adminUrl);
  return () => server.stop();
}
