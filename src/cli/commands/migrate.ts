import { schemaVersion } from '../../db/migrate';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

export async function migrateCommand(io: CliIo): Promise<number> {
  const version = await withRuntime(io, (runtime) => schemaVersion(runtime.database));
  io.out(`Database schema is at ${version}.`);
  return 0;
}
