import type { OpenAPIHono } from '@hono/zod-openapi';
import { createExchangeRate, listExchangeRates } from '../../../services/exchange-rate/exchange-rate.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { createExchangeRateRoute, listExchangeRatesRoute } from './exchange-rate.routes';

export function registerExchangeRates(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listExchangeRatesRoute, async (c) =>
    c.json(await listExchangeRates(serviceDeps(c, deps), c.req.valid('query').currency), 200),
  );
  app.openapi(createExchangeRateRoute, async (c) =>
    c.json(await createExchangeRate(serviceDeps(c, deps), c.req.valid('json')), 201),
  );
}
