import { defineConfig } from 'drizzle-kit';

// The hosted API's schema; the desktop app's SQLite schema has its own config at the root.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './server/db/schema.ts',
    './server/db/accounts-schema.ts',
    './server/db/exam-schema.ts',
    './server/db/project-schema.ts',
    './server/db/ops-schema.ts',
  ],
  out: './server/migrations',
});
