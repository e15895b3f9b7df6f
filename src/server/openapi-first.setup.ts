// Zod 4 gives a schema its methods when the schema is built, so `.openapi()` exists only on schemas built after
// @hono/zod-openapi has extended zod. The server loads it before any route's schemas (server/context.ts).
// Test files that share their worker's modules (`isolate: false`) load it first too: otherwise a domain schema
// imported by an earlier, unrelated test file is kept without `.openapi()` and the routes that describe it fail
// to load — which file runs first depends on the run (CI's fresh clone ran them in another order).
import '@hono/zod-openapi';
