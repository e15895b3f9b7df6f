import type { OpenAPIHono } from '@hono/zod-openapi';
import { addPrice, changePrice, listPrices, removePrice } from '../../../services/zone/price.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { addPriceRoute, changePriceRoute, listPricesRoute, removePriceRoute } from './price.routes';

/** A zone's sublease and shared-service prices. */
export function registerZonePrices(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listPricesRoute, async (c) =>
    c.json(await listPrices(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('query').at), 200),
  );
  app.openapi(addPriceRoute, async (c) =>
    c.json(await addPrice(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')), 201),
  );
  app.openapi(changePriceRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await changePrice(serviceDeps(c, deps), code, id, c.req.valid('json')), 200);
  });
  app.openapi(removePriceRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    await removePrice(serviceDeps(c, deps), code, id, c.req.valid('query').version);
    return c.body(null, 204);
  });
}
