import { z } from 'zod';
import { EXCHANGE_SCHEMA_PATH, exchangePackageSchema } from './exchange.schema';

/**
 * The published JSON Schema (draft 2020-12) of the exchange package, version 1 — generated from the zod
 * contract the importer validates with, so the two cannot disagree. Served at `/api/exchange/schema/v1.json`
 * and kept in the repository as `docs/exchange/bieu04-exchange.v1.schema.json` (a test compares them).
 */
export function exchangeJsonSchema(): Record<string, unknown> {
  return {
    $id: EXCHANGE_SCHEMA_PATH,
    title: 'IZIS — gói trao đổi Biểu 04 / Biểu 04 exchange package, version 1',
    description:
      'Biểu 04 đã ký (Thông tư 14/2024/TT-BCT, Phụ lục I) kèm danh sách cụm công nghiệp và báo cáo Biểu 01/02 đã duyệt làm căn cứ; ' +
      'mã kiểm tra SHA-256 trên dạng chuẩn RFC 8785 của gói trừ trường "checksum". / A signed Biểu 04 with the cluster registry and the accepted ' +
      'Biểu 01/02 it was computed from; SHA-256 over the RFC 8785 canonical form of the package without "checksum". See docs/decisions/0020-exchange-package.md.',
    ...z.toJSONSchema(exchangePackageSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}
