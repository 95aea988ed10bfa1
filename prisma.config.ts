import { defineConfig } from "prisma/config";

// Only `prisma generate` is used (see STACK-NOTES.md): migrations are applied by lib/migrate.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
