/**
 * What a CLI command may do with the outside world: print, read the environment and a secret. Commands take it
 * as a parameter so tests run them in-process; `main.ts` gives the real process's.
 */
export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  readSecret: (prompt: string) => Promise<string>;
};
