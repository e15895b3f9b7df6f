import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  annotateCompilation,
  getCompilation,
  getSignedCompilation,
  signCompilation,
} from '../../../services/reporting/compilation.service';
import { completenessReport } from '../../../services/reporting/completeness.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  annotateCompilationRoute,
  completenessRoute,
  getCompilationRoute,
  getSignedCompilationRoute,
  signCompilationRoute,
} from './compilation.routes';

export function registerCompilations(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(completenessRoute, async (c) =>
    c.json(await completenessReport(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(getCompilationRoute, async (c) =>
    c.json(await getCompilation(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(annotateCompilationRoute, async (c) =>
    c.json(await annotateCompilation(serviceDeps(c, deps), c.req.valid('query'), c.req.valid('json')), 200),
  );
  app.openapi(signCompilationRoute, async (c) =>
    c.json(await signCompilation(serviceDeps(c, deps), c.req.valid('query'), c.req.valid('json')), 200),
  );
  app.openapi(getSignedCompilationRoute, async (c) =>
    c.json(
      await getSignedCompilation(serviceDeps(c, deps), c.req.valid('query'), c.req.valid('param').versionNo),
      200,
    ),
  );
}
