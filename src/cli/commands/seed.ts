import { seedDemo } from '../../services/system/demo-seed';
import { countUsers } from '../../services/system/system.repository';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

export async function seedCommand(options: { demo?: boolean | undefined }, io: CliIo): Promise<number> {
  if (!options.demo) {
    io.err('izis seed: say what to seed: --demo');
    return 2;
  }
  return withRuntime(io, async (runtime) => {
    if ((await countUsers(runtime.database.db)) > 0) {
      io.err('izis seed --demo: the database already has users; demo data goes only into an empty database.');
      return 1;
    }
    const result = await seedDemo({ db: runtime.database.db, log: runtime.log });
    io.out(
      `Administrative units: ${result.adminUnits.inserted} added, ${result.adminUnits.updated} updated, ` +
        `${result.adminUnits.links} succession links.`,
    );
    io.out(`Demo users (password ${result.password}):`);
    for (const u of result.users) io.out(`  ${u.username.padEnd(15)} ${u.role.padEnd(20)} ${u.scope}`);
    return 0;
  });
}
