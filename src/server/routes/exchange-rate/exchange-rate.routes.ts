import { createRoute, z } from '@hono/zod-openapi';
import {
  exchangeRateInputSchema,
  exchangeRateListQuerySchema,
  exchangeRateSchema,
} from '../../../domain/project/capital';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const rate = exchangeRateSchema.meta({ id: 'ExchangeRate' });
const tags = ['Configuration: exchange rates'];

export const listExchangeRatesRoute = createRoute({
  method: 'get',
  path: '/api/exchange-rates',
  tags,
  summary: 'Configured exchange rates (VND per unit, per period) used to convert capital to USD',
  request: { query: exchangeRateListQuerySchema },
  responses: {
    200: jsonResponse(z.object({ items: z.array(rate) }), 'Rates by currency and period'),
    ...errorResponses(401, 403),
  },
});

export const createExchangeRateRoute = createRoute({
  method: 'post',
  path: '/api/exchange-rates',
  tags,
  summary: 'Configure a rate for a period; periods of one currency must not overlap (409 naming validFrom)',
  request: { body: jsonBody(exchangeRateInputSchema.meta({ id: 'ExchangeRateInput' })) },
  responses: { 201: jsonResponse(rate, 'Created'), ...errorResponses(400, 401, 403, 409) },
});
