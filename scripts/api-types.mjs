#!/usr/bin/env node
// `npm run api:types`: writes the contract types of the web client and the server's test client from the
// route definitions (no server, no database); src/server/api-contract.test.ts fails when the committed file
// differs from a fresh run.
import { writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { API_CONTRACT_FILE, generateApiContractTypes } = await import('../src/server/api-contract.ts');
writeFileSync(API_CONTRACT_FILE, await generateApiContractTypes());
console.log(`wrote ${API_CONTRACT_FILE}`);
