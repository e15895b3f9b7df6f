import { AppError } from '../domain/shared/errors';
import { createRouter, type AppDeps } from './context';
import { compressAnswers } from './middleware/compress';
import { csrf } from './middleware/csrf';
import { handleError } from './middleware/errors';
import { inputGuard } from './middleware/input-guard';
import { requestContext } from './middleware/request-context';
import { securityHeaders } from './middleware/security-headers';
import { session } from './middleware/session';
import { registerAdminUnits } from './routes/admin-unit/admin-unit.handlers';
import { registerAudit } from './routes/audit/audit.handlers';
import { registerAuth } from './routes/auth/auth.handlers';
import { registerHealth } from './routes/health/health.handlers';
import { registerImportExport } from './routes/import/import.handlers';
import { registerUsers } from './routes/user/user.handlers';
import { registerZones } from './routes/zone/zone.handlers';
import { registerDocuments } from './routes/document/document.handlers';
import { registerMasterPlans } from './routes/zone/master-plan.handlers';
import { registerZonePrices } from './routes/zone/price.handlers';
import { registerOrganisations } from './routes/organisation/organisation.handlers';
import { registerProjects } from './routes/project/project.handlers';
import { registerExchangeRates } from './routes/exchange-rate/exchange-rate.handlers';
import { registerCompilations } from './routes/reporting/compilation.handlers';
import { registerFilings } from './routes/reporting/filing.handlers';
import { registerFilingWorkbooks } from './routes/reporting/filing-workbook.handlers';
import { registerParksReports } from './routes/reporting/parks-report.handlers';
import { registerNotifications } from './routes/notification/notification.handlers';
import { registerMonitoring } from './routes/monitoring/monitoring.handlers';
import { completeDocument } from './openapi-document';
import { registerPlans } from './routes/plan/plan.handlers';
import { registerSchedule } from './routes/schedule/schedule.handlers';
import { registerInspections } from './routes/inspection/inspection.handlers';
import { registerIncidents } from './routes/incident/incident.handlers';
import { registerAnalysis } from './routes/analysis/analysis.handlers';
import { registerBriefings } from './routes/briefing/briefing.handlers';
import { registerDashboard } from './routes/dashboard/dashboard.handlers';
import { registerMetrics } from './routes/metrics/metrics.handlers';
import { readYourWrites } from './middleware/read-your-writes';
import { registerExchange } from './routes/exchange/exchange.handlers';
import { registerOpenData } from './routes/open-data/open-data.handlers';
import { serveApiReference, serveWebApp } from './static';
import { publicZonePageHead } from '../services/catalogue/catalogue.service';
import { registerCatalogue } from './routes/catalogue/catalogue.handlers';
import { registerInquiries } from './routes/inquiry/inquiry.handlers';

/** The whole HTTP application. It never listens: main.ts (or a test) decides where it runs. */
export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.onError(handleError);
  app.use('*', requestContext(deps));
  app.use('*', securityHeaders(deps));
  app.use('/api/*', inputGuard({ maxBodyBytes: deps.limits.requestMaxBytes }));
  // Answers gzip-compressed when the browser accepts it (middleware/compress.ts); the web app's files are
  // compressed once and kept (static.ts); NDJSON progress streams are not compressed (they must flush).
  app.use('/api/*', compressAnswers());
  app.use('/api/*', session(deps));
  app.use('/api/*', csrf(deps));
  app.use('/api/*', readYourWrites(deps));

  registerHealth(app, deps);
  registerMetrics(app, deps);
  registerAuth(app, deps);
  registerUsers(app, deps);
  registerAdminUnits(app, deps);
  registerAudit(app, deps);
  registerImportExport(app, deps);
  registerMonitoring(app, deps);
  registerZones(app, deps);
  registerDocuments(app, deps);
  registerMasterPlans(app, deps);
  registerZonePrices(app, deps);
  registerOrganisations(app, deps);
  registerProjects(app, deps);
  registerExchangeRates(app, deps);
  registerFilingWorkbooks(app, deps);
  registerFilings(app, deps);
  registerNotifications(app, deps);
  registerCompilations(app, deps);
  registerParksReports(app, deps);
  registerPlans(app, deps);
  registerSchedule(app, deps);
  registerInspections(app, deps);
  registerIncidents(app, deps);
  registerDashboard(app, deps);
  registerAnalysis(app, deps);
  registerBriefings(app, deps);
  registerExchange(app, deps);
  registerOpenData(app, deps);
  registerCatalogue(app, deps);
  registerInquiries(app, deps);

  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'IZIS API',
      version: deps.version,
      description:
        'Hệ thống thông tin khu, cụm công nghiệp — every endpoint of the web app. Errors share one shape ' +
        '`{code, message, details, requestId}`; messages are Vietnamese unless `Accept-Language: en`. Writes with ' +
        'the session cookie need the `X-CSRF-Token` header from /api/auth/session.',
    },
  };
  // The document is the contract: completed once with the standard error responses (openapi-document.ts).
  let document: object | undefined;
  app.get('/api/openapi.json', (c) =>
    c.json((document ??= completeDocument(app.getOpenAPI31Document(documentConfig)))),
  );
  serveApiReference(app);
  app.all('/api/*', () => {
    throw new AppError('not_found');
  });
  if (deps.webDir) {
    serveWebApp(app, deps.webDir, {
      zonePageHead: (code, lang) =>
        publicZonePageHead({ db: deps.database.db, clock: deps.clock }, code, lang),
    });
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
