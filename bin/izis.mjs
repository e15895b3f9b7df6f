#!/usr/bin/env node
// Entry point of the `izis` command. TypeScript runs through tsx's loader; `serve` starts the HTTP server,
// every other command is the CLI (src/cli). The two never import each other.
import { register } from 'tsx/esm/api';

register();
const [command] = process.argv.slice(2);
if (command === 'serve') {
  const { startServer, reportStartupFailure } = await import('../src/server/main.ts');
  await startServer().catch(reportStartupFailure);
} else {
  const { runCli } = await import('../src/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
}
