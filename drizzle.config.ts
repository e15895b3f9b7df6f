import { defineConfig } from 'drizzle-kit';

// Authoring only: `npm run db:generate` writes SQL into src/db/migrations from the TypeScript schema.
// Migrations are applied from code at start-up (src/db/migrate.ts), on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/*.ts',
  out: './src/db/migrations',
});
