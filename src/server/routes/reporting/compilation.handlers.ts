import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  annotateCompilation,
  compilationItem,
  getCompilation,
  getSignedCompilation,
  signCompilation,
} from '../../../services/reporting/compilation.service';
import { completenessPage } from '../../../services/reporting/completeness.service';
import { exportCompilation, exportFiling } from '../../../services/reporting/report-export.service';
import { readServiceDeps, serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { sendFile } from '../../file-response';
import { keptJson } from '../../kept-json';
import {
  annotateCompilationRoute,
  compilationItemRoute,
  completenessRoute,
  exportCompilationRoute,
  exportFilingRoute,
  getCompilationRoute,
  getSignedCompilationRoute,
  signCompilationRoute,
} from './compilation.routes';

export function registerCompilations(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  for (const format of ['docx', 'xlsx', 'pdf'] as const) {
    app.openapi(exportCompilationRoute(format), async (c) =>
      sendFile(c, await exportCompilation(await readServiceDeps(c, deps), c.req.valid('query'), format)),
    );
  }
  for (const format of ['docx', 'pdf'] as const) {
    app.openapi(exportFilingRoute(format), async (c) =>
      sendFile(c, await exportFiling(serviceDeps(c, deps), c.req.valid('param').id, format)),
    );
  }
  app.openapi(compilationItemRoute, async (c) => {
    const { offset, limit, ...query } = c.req.valid('query');
    return c.json(
      await compilationItem(await readServiceDeps(c, deps), query, c.req.valid('param').no, {
        offset,
        limit,
      }),
      200,
    );
  });
  // A page of the kept table is encoded once per change, not once per request (kept-json.ts).
  app.openapi(completenessRoute, async (c) =>
    keptJson(c, await completenessPage(await readServiceDeps(c, deps), c.req.valid('query'))),
  );
  app.openapi(getCompilationRoute, async (c) =>
    c.json(await getCompilation(await readServiceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(annotateCompilationRoute, async (c) =>
    c.json(await annotateCompilation(serviceDeps(c, deps), c.req.valid('query'), c.req.valid('json')), 200),
  );
  app.openapi(signCompilationRoute, async (c) =>
    c.json(await signCompilation(serviceDeps(c, deps), c.req.valid('query'), c.req.valid('json')), 200),
  );
  app.openapi(getSignedCompilationRoute, async (c) =>
    c.json(
      await getSignedCompilation(
        await readServiceDeps(c, deps),
        c.req.valid('query'),
        c.req.valid('param').versionNo,
      ),
      200,
    ),
  );
}
