import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  auditChainHeadSchema,
  type AuditBreakReason,
  type AuditVerification,
} from '../../domain/audit/audit.schema';
import { formatNumber } from '../../domain/format/format';
import { auditChainHead, verifyAuditChain } from '../../services/audit/audit-chain.service';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

const reasons: Record<AuditBreakReason, string> = {
  content: 'nội dung dòng không khớp với hash của nó (the row was changed)',
  link: 'dòng không mang hash của dòng trước (the link to the previous row is broken)',
  sequence: 'thiếu dòng từ số thứ tự này (rows are missing from here)',
  head: 'chuỗi không kết thúc ở đầu chuỗi đã lưu (rows are missing at the end, or the head was changed)',
  anchor: 'đầu chuỗi đã xuất trước đây không còn trong chuỗi (the exported head is no longer in the chain)',
};

/** One line that names where the chain breaks, or that it holds. */
export function describeVerification(result: AuditVerification): string {
  if (result.ok) {
    return `Nhật ký nguyên vẹn: đã kiểm tra ${formatNumber(result.checked)} dòng; đầu chuỗi seq ${result.head.seq} hash ${result.head.hash}.`;
  }
  const b = result.firstBreak!;
  const row = b.id ? `dòng id ${b.id} (seq ${b.seq})` : `seq ${b.seq}`;
  return `Nhật ký bị sửa: chuỗi gãy tại ${row} — ${reasons[b.reason]}. Đã kiểm tra ${formatNumber(result.checked)} dòng trước đó.`;
}

/**
 * `izis audit verify [--head FILE]`: walks the audit chain and names the first row where it breaks (exit 1);
 * with a head exported earlier, also checks that it is still part of the chain.
 * `izis audit head [--out FILE]`: prints (or writes) the chain's head as JSON, to keep outside the database.
 */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'verify') {
    const { values } = parseArgs({ args: rest, options: { head: { type: 'string' } } });
    const anchor = values.head
      ? auditChainHeadSchema.parse(JSON.parse(readFileSync(values.head, 'utf8')))
      : {};
    const result = await withRuntime(io, (_runtime, deps) => verifyAuditChain(deps, anchor));
    (result.ok ? io.out : io.err)(describeVerification(result));
    return result.ok ? 0 : 1;
  }
  if (sub === 'head') {
    const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
    const head = await withRuntime(io, (_runtime, deps) => auditChainHead(deps));
    const json = JSON.stringify({ ...head, exportedAt: new Date().toISOString() }, null, 2);
    if (values.out) {
      writeFileSync(values.out, `${json}\n`);
      io.out(`Đã ghi đầu chuỗi nhật ký (seq ${head.seq}) vào ${values.out}.`);
    } else {
      io.out(json);
    }
    return 0;
  }
  io.err('izis audit: expected verify [--head FILE] or head [--out FILE]');
  return 2;
}
