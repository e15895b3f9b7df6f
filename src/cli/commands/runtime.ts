import { systemActor } from '../../domain/identity/roles';
import { systemClock, type ServiceDeps } from '../../services/deps';
import { openRuntime, type Runtime } from '../../services/system/bootstrap';
import { parseConfig } from '../../services/system/config';
import { createLogger } from '../../services/system/logger';
import type { CliIo } from '../io';

/** Opens the configured database (migrating it) for one command, and closes it afterwards. */
export async function withRuntime<T>(
  io: CliIo,
  work: (runtime: Runtime, deps: ServiceDeps) => Promise<T>,
  options: { seedDemo?: boolean } = {},
): Promise<T> {
  const config = { ...parseConfig(io.env), seedDemo: options.seedDemo ?? false };
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const runtime = await openRuntime(config, log);
  const deps: ServiceDeps = {
    db: runtime.database.db,
    actor: systemActor(`cli:${io.env.USER ?? io.env.LOGNAME ?? 'unknown'}`),
    clock: systemClock,
    log,
    requestId: null,
  };
  try {
    return await work(runtime, deps);
  } finally {
    await runtime.close();
  }
}
