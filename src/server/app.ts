import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../domain/shared/errors';
import { createRouter, type AppDeps } from './context';
import { csrf } from './middleware/csrf';
import { handleError } from './middleware/errors';
import { requestContext } from './middleware/request-context';
import { session } from './middleware/session';
import { registerAdminUnits } from './routes/admin-unit/admin-unit.handlers';
import { registerAudit } from './routes/audit/audit.handlers';
import { registerAuth } from './routes/auth/auth.handlers';
import { registerHealth } from './routes/health/health.handlers';
import { registerImportExport } from './routes/import/import.handlers';
import { registerUsers } from './routes/user/user.handlers';
import { registerZones } from './routes/zone/zone.handlers';
import { registerZoneDocuments } from './routes/zone/document.handlers';
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
import { registerAnalysis } from './routes/analysis/analysis.handlers';
import { registerBriefings } from './routes/briefing/briefing.handlers';
import { registerDashboard } from './routes/dashboard/dashboard.handlers';
import { serveApiReference, serveWebApp } from './static';

/** The whole HTTP application. It never listens: main.ts (or a test) decides where it runs. */
export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.onError(handleError);
  app.use('*', requestContext(deps));
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false }));
  app.use('/api/*', session(deps));
  app.use('/api/*', csrf(deps));

  registerHealth(app, deps);
  registerAuth(app, deps);
  registerUsers(app, deps);
  registerAdminUnits(app, deps);
  registerAudit(app, deps);
  registerImportExport(app, deps);
  registerZones(app, deps);
  registerZoneDocuments(app, deps);
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
  registerDashboard(app, deps);
  registerAnalysis(app, deps);
  registerBriefings(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'IZIS API',
      version: deps.version,
      description:
        'Hệ thống thông tin khu, cụm công nghiệp — every endpoint of the web app. Errors share one shape ' +
        '`{code, message, details, requestId}`; messages are Vietnamese unless `Accept-Language: en`. Writes with ' +
        'the session cookie need the `X-CSRF-Token` header from /api/auth/session.',
    },
  });
  serveApiReference(app);
  app.all('/api/*', () => {
    throw new AppError('not_found');
  });
  if (deps.webDir) serveWebApp(app, deps.webDir);
  return app;
}

export type App = ReturnType<typeof createApp>;
