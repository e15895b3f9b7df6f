import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_CONTRACT_FILE, buildOpenApiDocument, generateApiContractTypes } from './api-contract';

describe('the contract types of the web client and the test client', () => {
  it('are built from the route definitions without a database', async () => {
    const document = await buildOpenApiDocument();
    expect(Object.keys(document.paths as object)).toContain('/api/zones/{code}');
  }, 60_000);

  it('are committed exactly as `npm run api:types` generates them (a changed route fails here)', async () => {
    const fresh = await generateApiContractTypes();
    const committed = readFileSync(API_CONTRACT_FILE, 'utf8');
    // Not toBe: a 20,000-line diff helps nobody; the first differing line does.
    const freshLines = fresh.split('\n');
    const committedLines = committed.split('\n');
    const first = freshLines.findIndex((line, i) => line !== committedLines[i]);
    const where =
      first === -1 && freshLines.length === committedLines.length
        ? null
        : `line ${first + 1}: committed ${JSON.stringify(committedLines[first])}, generated ${JSON.stringify(freshLines[first])}`;
    expect(where, `${API_CONTRACT_FILE} is stale: run npm run api:types`).toBeNull();
  }, 60_000);
});
