/**
 * "The database cannot be reached now" — the primary was lost, is restarting, or has just been replaced by a
 * promoted standby — as opposed to a fault in IZIS or in the request. The server answers such failures 503
 * (retry shortly) instead of 500; db/multi-host.ts throws away a pooled connection that failed this way, so
 * that the next connection looks for the primary afresh (ADR 0024).
 */

/** No host of the connection URL accepted a connection of the kind asked for (libpq's wording). */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * SQLSTATEs of a server that cannot serve this session: class 08 (connection exception), 57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, in recovery), 25006
 * read_only_sql_transaction (connected to a standby, or to a primary since demoted).
 */
const unavailableSqlStates = /^(08[0-9A-Z]{3}|57P01|57P02|57P03|25006)$/;
/** Socket failures as Node reports them. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);
/** node-postgres's own messages for a connection that ended or never came (they carry no code). */
const driverMessages = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/,
  /not queryable/, // "Client has encountered a connection error and is not queryable", "Client was closed …"
  /^Client was closed/,
];

function isUnavailableOne(error: object): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (unavailableSqlStates.test(code) || socketCodes.has(code))) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && driverMessages.some((pattern) => pattern.test(message));
}

/** Whether `error` (or what it wraps: drizzle puts the driver's error in `cause`) is a lost database. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (isUnavailableOne(e)) return true;
    const inner = (e as { errors?: unknown }).errors; // AggregateError (a host list refused at the socket)
    if (Array.isArray(inner) && inner.some((i) => i && typeof i === 'object' && isUnavailableOne(i)))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
