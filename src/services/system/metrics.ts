import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's metrics in Prometheus's text format (issue 15, "observability"), with prom-client: request
 * latency per route, scheduled-job and import runs, computed-view cache lookups, the database pool, and the
 * Node process's own (memory, CPU, event-loop lag). One registry per process; `GET /metrics` serves it.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'izis_' });

export const httpRequestSeconds = new Histogram({
  name: 'izis_http_request_duration_seconds',
  help: 'HTTP API requests by route pattern, method and status class',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const slowRequests = new Counter({
  name: 'izis_http_slow_requests_total',
  help: 'API requests slower than IZIS_SLOW_REQUEST_MS (each also logged)',
  labelNames: ['route'] as const,
  registers: [metricsRegistry],
});

export const jobRuns = new Counter({
  name: 'izis_job_runs_total',
  help: 'Scheduled job runs (reminders, mail, backups…) by outcome; "elsewhere" = another process held the job',
  labelNames: ['job', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const jobSeconds = new Histogram({
  name: 'izis_job_duration_seconds',
  help: 'Duration of scheduled job runs',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.05, 0.25, 1, 5, 30, 120, 600],
  registers: [metricsRegistry],
});

export const importRuns = new Counter({
  name: 'izis_import_runs_total',
  help: 'Spreadsheet imports by list and outcome (committed, dry run, refused)',
  labelNames: ['entity', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const cacheLookups = new Counter({
  name: 'izis_computed_view_lookups_total',
  help: 'Computed views (dashboard, analysis, reports…) served from the cache (hit) or computed (miss)',
  labelNames: ['view', 'result'] as const,
  registers: [metricsRegistry],
});

type PoolStats = () => { total: number; idle: number; waiting: number } | null;
let poolStats: PoolStats = () => null;

/** The database pool's connections, read when the metrics are collected. */
export function observeDatabasePool(stats: PoolStats): void {
  poolStats = stats;
}

new Gauge({
  name: 'izis_db_pool_connections',
  help: 'Database pool connections by state (PostgreSQL; the embedded database has one)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    const stats = poolStats();
    if (!stats) return;
    this.set({ state: 'total' }, stats.total);
    this.set({ state: 'idle' }, stats.idle);
    this.set({ state: 'waiting' }, stats.waiting);
  },
});
