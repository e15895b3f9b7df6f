import { parseArgs } from 'node:util';
import { ConfigError } from '../services/system/config';
import { StartupError } from '../services/system/bootstrap';
import { AppError, errorMessage, localizeDetails } from '../domain/shared/errors';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { userCommand } from './commands/user';
import { adminUnitsCommand } from './commands/admin-units';
import { mailCommand } from './commands/mail';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { remindersCommand } from './commands/reminders';
import type { CliIo } from './io';
import { auditCommand } from './commands/audit';
import { backupCommand, restoreCommand } from './commands/backup';
import { exchangeCommand } from './commands/exchange';

export const usage = `izis — Hệ thống thông tin khu, cụm công nghiệp (IZIS)

Usage: npm run izis -- <command> [options]

  serve                                   start the web server (same as npm start, without building)
  migrate                                 apply pending database migrations
  seed --demo                             load demo data (administrative units, one user per role)
  user add --username U --name N --role R [--scope-kind K] [--scope REF] [--family KCN|CCN] [--email E]
                                          create a user; the password is read from IZIS_PASSWORD or stdin
  user list [--search Q]                  list users
  user reset-password --username U        set a new password (IZIS_PASSWORD or stdin); ends their sessions
  admin-units import <file.json>          load a reorganisation file (any province; all or nothing)
  mail test --to ADDRESS                  send a test e-mail through the configured SMTP server
  reminders send [--dry-run]              send the due and overdue report reminders now (in-app and e-mail)
  audit verify [--head FILE]              check the audit trail's hash chain; names the first broken row
  audit head [--out FILE]                 export the chain's head (seq and hash) to keep elsewhere
  backup <file.tar.gz>                    the database and the uploaded documents in one archive (manifest,
                                          SHA-256 checksums); embedded database: stop the server first
  restore <file.tar.gz> [--replace]       check the archive, restore database and documents, verify the
                                          audit chain (PostgreSQL: into an empty database unless --replace)
  import zones|organisations|projects|investment-events|inspections|plan-targets <file.xlsx|.csv>
         [--dry-run] [--sheet NAME]
                                          import from a spreadsheet (all or nothing; --dry-run only checks)
  export zones <file.xlsx|.csv|.geojson> [--family KCN|CCN] [--kind K] [--commune CODE] [--q TEXT]
  export organisations <file.xlsx|.csv> [--q TEXT] [--ownership O] [--role R]
  export projects <file.xlsx|.csv> [--q TEXT] [--zone CODE] [--investor CODE] [--status S]
  export investment-events <file.xlsx|.csv> [--project CODE] [--zone CODE] [--kind K] [--from D] [--to D]
  export inspections <file.xlsx|.csv> [--year YYYY] [--kind K] [--zone CODE] [--unremedied true]
  export plan-targets <file.xlsx|.csv> [--year YYYY] [--family KCN|CCN] [--plan NUMBER]
                                          export a list (same columns as the import template)
  exchange export <compilation-id|period> <file.json> [--version N]
                                          the exchange package of a signed Biểu 04 (docs/decisions/0020)
  exchange import <file.json>             check a province's package (checksum, version, the 27 items
                                          recomputed from its registry rows) and store it

Configuration comes from the environment (see .env.example): DATABASE_URL or IZIS_DATA_DIR, etc.`;

async function readStdin(prompt: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trim();
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  readSecret: readStdin,
};

/** Runs one CLI command; returns the exit code. Commands call services, never HTTP. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'migrate':
        return await migrateCommand(io);
      case 'seed':
        return await seedCommand(
          parseArgs({ args: rest, options: { demo: { type: 'boolean' } } }).values,
          io,
        );
      case 'user':
        return await userCommand(rest, io);
      case 'admin-units':
        return await adminUnitsCommand(rest, io);
      case 'mail':
        return await mailCommand(rest, io);
      case 'reminders':
        return await remindersCommand(rest, io);
      case 'audit':
        return await auditCommand(rest, io);
      case 'backup':
        return await backupCommand(rest, io);
      case 'restore':
        return await restoreCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'exchange':
        return await exchangeCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(usage);
        return command === undefined ? 1 : 0;
      default:
        io.err(`Unknown command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      io.err(`izis: ${error.message}`);
    } else if (error instanceof AppError) {
      io.err(`izis: ${errorMessage(error.code, 'vi', error.details)}`);
      if (error.details) io.err(JSON.stringify(localizeDetails(error.details, 'vi'), null, 2));
    } else if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`izis: ${(error as Error).message}\n\n${usage}`);
      return 2;
    } else {
      io.err(`izis: ${(error as Error).stack ?? String(error)}`);
    }
    return 1;
  }
}
