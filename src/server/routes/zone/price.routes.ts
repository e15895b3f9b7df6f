import { createRoute, z } from '@hono/zod-openapi';
import {
  priceInputSchema,
  priceSchema,
  priceUpdateSchema,
  zonePricesSchema,
} from '../../../domain/zone/price';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Registry: zones'];
const price = priceSchema.meta({ id: 'ZonePrice' });

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const priceParams = codeParam.extend({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The price id' }),
});

export const listPricesRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/prices',
  tags,
  summary:
    'Sublease and shared-service prices: the one of each kind valid on `at` (default today) and the history',
  request: { params: codeParam, query: z.object({ at: z.iso.date().optional() }) },
  responses: {
    200: jsonResponse(zonePricesSchema.meta({ id: 'ZonePrices' }), 'Prices'),
    ...errorResponses(400, 401, 404),
  },
});

export const addPriceRoute = createRoute({
  method: 'post',
  path: '/api/zones/{code}/prices',
  tags,
  summary: 'Add a price; one starting after the open-ended price of its kind ends that one the day before',
  description:
    'Prices of one kind never overlap: any other overlap is refused (400, `details.fields.validFrom` names the ' +
    'price it collides with). `closed` is the price that was ended, if any.',
  request: { params: codeParam, body: jsonBody(priceInputSchema.meta({ id: 'ZonePriceInput' })) },
  responses: {
    201: jsonResponse(z.object({ price, closed: price.nullable() }), 'Added'),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const changePriceRoute = createRoute({
  method: 'patch',
  path: '/api/zones/{code}/prices/{id}',
  tags,
  summary: 'Correct a price; `version` must be the one you read (409 with the current price)',
  request: { params: priceParams, body: jsonBody(priceUpdateSchema) },
  responses: { 200: jsonResponse(price, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const removePriceRoute = createRoute({
  method: 'delete',
  path: '/api/zones/{code}/prices/{id}',
  tags,
  summary: 'Remove a price entered by mistake (the audit trail keeps it)',
  request: { params: priceParams, query: z.object({ version: z.coerce.number().int().min(1) }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404, 409) },
});
