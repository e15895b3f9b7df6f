import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatNumber } from '../../domain/format/format';
import {
  exportExchangePackage,
  exportExchangePackageById,
  importExchangePackage,
} from '../../services/exchange/exchange.service';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `izis exchange export <compilation-id | period> <file.json> [--version N]`: the exchange package of a signed
 * Biểu 04 (by the signed compilation's id, or the period's latest signed version).
 * `izis exchange import <file.json>`: checks the package (version, checksum, the 27 items recomputed from its
 * registry rows) and stores it; a refusal names what differs (exit 1).
 */
export async function exchangeCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { version: { type: 'string' } },
      allowPositionals: true,
    });
    const [which, file] = positionals;
    if (!which || !file) {
      io.err('izis exchange export: expected <compilation-id | period> <file.json> [--version N]');
      return 2;
    }
    const version = values.version ? Number(values.version) : undefined;
    if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
      io.err('izis exchange export: --version must be a positive whole number');
      return 2;
    }
    const out = await withRuntime(io, (_runtime, deps) =>
      UUID.test(which)
        ? exportExchangePackageById(deps, which)
        : exportExchangePackage(deps, { period: which, ...(version ? { version } : {}) }),
    );
    writeFileSync(resolve(file), out.body);
    io.out(
      `Đã ghi gói trao đổi ${out.fileName} vào ${file} (${formatNumber(Buffer.byteLength(out.body))} byte).`,
    );
    return 0;
  }
  if (sub === 'import') {
    const [file] = rest;
    if (!file) {
      io.err('izis exchange import: expected <file.json>');
      return 2;
    }
    const bytes = readFileSync(resolve(file));
    const result = await withRuntime(io, (_runtime, deps) => importExchangePackage(deps, bytes));
    const s = result.submission;
    io.out(
      `${result.created ? 'Đã nhận' : 'Đã có từ trước'} Biểu 04 kỳ ${s.period} của ${s.provinceName} (bản ký số ${s.signedVersionNo}, ${s.signedAt}): ` +
        `${s.items.length} dòng chỉ tiêu khớp với tính lại từ ${formatNumber(s.zoneCount)} cụm; mã kiểm tra ${s.checksum}.`,
    );
    return 0;
  }
  io.err(
    'izis exchange: expected export <compilation-id | period> <file.json> [--version N] or import <file.json>',
  );
  return 2;
}
