import { createHash } from 'node:crypto';
import { checksumInput, canonicalJson } from '../../domain/exchange/canonical';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  exchangePackageSchema,
  type ExchangeImportResult,
  type ExchangePackage,
  type ExchangeSubmission,
  type ExchangeSubmissionSummary,
} from '../../domain/exchange/exchange.schema';
import { exchangeItems, itemDifferences, recomputeReport } from '../../domain/exchange/recompute';
import { formatNumber } from '../../domain/format/format';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import {
  compileDirectWithInputs,
  getSignedSnapshot,
  type CompilationInputs,
} from '../reporting/compilation.service';
import { exportCompilation } from '../reporting/report-export.service';
import { canReceiveExchange } from './exchange.policy';
import {
  findSignedCompilation,
  findSubmission,
  findSubmissionByKey,
  insertSubmission,
  listSubmissions,
  loadLabels,
  loadProvince,
  lockSubmissionKey,
  type SubmissionRow,
} from './exchange.repository';

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
const GENERATOR = 'IZIS — Hệ thống thông tin khu, cụm công nghiệp';

/** The package's file: JSON, UTF-8, named after the form, period, province and signed version. */
export type ExchangeFile = { fileName: string; contentType: string; body: string };

function packageRegistry(
  inputs: CompilationInputs,
  labels: Awaited<ReturnType<typeof loadLabels>>,
): ExchangePackage['registry'] {
  return {
    zones: inputs.zones.map((z) => ({
      id: z.id,
      code: z.code,
      name: z.name,
      kind: z.kind,
      ccnType: z.ccnType,
      communeId: z.communeId,
      communeCode: z.communeId ? (labels.units.get(z.communeId)?.code ?? null) : null,
      communeName: z.communeId ? (labels.units.get(z.communeId)?.name ?? null) : null,
      formerDistrictId: z.formerDistrictId,
      developerId: z.developerOrgId,
      developerCode: z.developerOrgId ? (labels.orgs.get(z.developerOrgId)?.code ?? null) : null,
      developerName: z.developerOrgId ? (labels.orgs.get(z.developerOrgId)?.name ?? null) : null,
      developerOwnership: z.developerOwnership,
      areaHa: z.areaHa,
      industrialLandHa: z.industrialLandHa,
      leasedHa: z.leasedHa,
      approvedHa: z.approvedHa,
      infraInvestmentApprovedVnd: z.infraInvestmentApprovedVnd,
      infraInvestmentPaidVnd: z.infraInvestmentPaidVnd,
      wwtpStatus: z.wwtpStatus,
      lifecycle: z.lifecycle.map((e) => ({
        state: e.state,
        eventDate: e.eventDate,
        progressPct: e.progressPct ?? null,
        decisionNo: e.decisionNo ?? null,
        seq: e.seq,
      })),
      planEntries: z.planEntries.map((p) => ({
        change: p.change,
        areaHa: p.areaHa,
        effectiveDate: p.effectiveDate,
      })),
    })),
    projects: inputs.projects.map((p) => ({
      id: p.id,
      code: p.code,
      zoneId: p.zoneId,
      investorId: p.investorOrgId,
      investorIsFdi: p.investorIsFdi,
      status: p.status,
      terminatedOn: p.terminatedOn ?? null,
    })),
    filings: inputs.filings.map((f) => ({
      id: f.id,
      formCode: f.formCode as 'B01' | 'B02',
      period: f.period,
      reporterKind: f.reporterKind,
      reporterId: f.reporterId,
      revisionNo: f.revisionNo,
      values: f.values,
    })),
  };
}

/**
 * The exchange package of a signed Biểu 04 (docs/decisions/0020): the items exactly as signed, the registry
 * rows and accepted filings they were computed from (frozen at signing), the form's XLSX and the checksum.
 * Read by whoever may read the signed report; 409 when the period has no signed version.
 */
export async function exportExchangePackage(
  deps: ServiceDeps,
  query: { period: string; version?: number },
): Promise<ExchangeFile> {
  const compilation = { formCode: 'B04' as const, period: query.period };
  const { signed, report, inputs: frozen } = await getSignedSnapshot(deps, compilation, query.version);
  const items = exchangeItems(report);
  // A version signed before the inputs were kept: today's registry serves only if it still gives the figures.
  const inputs = frozen ?? (await compileDirectWithInputs(deps, compilation, { id: null })).inputs;
  const labels = await loadLabels(
    deps.db,
    [...new Set(inputs.zones.flatMap((z) => (z.communeId ? [z.communeId] : [])))],
    [...new Set(inputs.zones.flatMap((z) => (z.developerOrgId ? [z.developerOrgId] : [])))],
  );
  const province = await loadProvince(deps.db);
  const xlsx = await exportCompilation(deps, { ...compilation, version: signed.versionNo }, 'xlsx');
  const body: Omit<ExchangePackage, 'checksum'> = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    formCode: 'B04',
    formVersion: report.formVersion,
    period: report.period,
    window: report.window,
    province,
    signed,
    items,
    registry: packageRegistry(inputs, labels),
    xlsx: {
      fileName: xlsx.fileName,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: xlsx.body.toString('base64'),
    },
    generator: GENERATOR,
  };
  const recomputed = recomputeReport({
    ...body,
    checksum: { algorithm: 'sha256', canonicalization: 'RFC8785', value: '' },
  });
  if (!recomputed || itemDifferences(items, exchangeItems(recomputed)).length) {
    throw new AppError('exchange.registry_changed', { versionNo: signed.versionNo });
  }
  const pkg: ExchangePackage = {
    ...body,
    checksum: { algorithm: 'sha256', canonicalization: 'RFC8785', value: sha256(checksumInput(body)) },
  };
  return {
    fileName: `bieu-04-${report.period}-${province.code}-ban-ky-${signed.versionNo}.izis-exchange.json`,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(pkg),
  };
}

/**
 * The package of a signed compilation named by its id (`izis exchange export <id>`); `report.not_signed` when
 * the id is not a signed Biểu 04.
 */
export async function exportExchangePackageById(deps: ServiceDeps, id: string): Promise<ExchangeFile> {
  const found = await findSignedCompilation(deps.db, id);
  if (!found || found.formCode !== 'B04') {
    throw validationError({
      compilation: {
        vi: `"${id}" không phải mã một Biểu 04 đã ký.`,
        en: `"${id}" is not the id of a signed Biểu 04.`,
      },
    });
  }
  return exportExchangePackage(deps, { period: found.period, version: found.versionNo });
}

const fileError = (vi: string, en: string) => validationError({ file: { vi, en } });

const show = (value: number | null | 'missing', locale: 'vi' | 'en') =>
  value === 'missing'
    ? locale === 'vi'
      ? 'không có'
      : 'absent'
    : value === null
      ? '—'
      : formatNumber(value, { locale, maxFractionDigits: 6 });

/**
 * Checks a received package — format and version, checksum over the canonical form, the schema, then the 27
 * items recomputed from the package's own registry rows with the reporting module's Biểu 04 rule — and stores
 * it. The same package again returns the stored submission (`created: false`); a different package for the
 * same signed version is refused (409).
 */
export async function importExchangePackage(
  deps: ServiceDeps,
  bytes: Uint8Array,
): Promise<ExchangeImportResult> {
  const actor = requireActor(deps);
  if (!canReceiveExchange(actor)) throw new AppError('forbidden');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw fileError('Tệp không phải JSON (UTF-8) hợp lệ.', 'The file is not valid JSON (UTF-8).');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw fileError('Tệp không phải một gói trao đổi IZIS.', 'The file is not an IZIS exchange package.');
  }
  const head = raw as Record<string, unknown>;
  if (head.format !== EXCHANGE_FORMAT || head.version !== EXCHANGE_VERSION) {
    throw new AppError('exchange.unsupported_version', {
      format: String(head.format ?? '—'),
      version: String(head.version ?? '—'),
      expectedFormat: EXCHANGE_FORMAT,
      supported: EXCHANGE_VERSION,
    });
  }
  const declared = (head.checksum as { value?: unknown } | undefined)?.value;
  let actual: string;
  try {
    actual = sha256(checksumInput(head));
  } catch {
    throw fileError('Gói có số không hữu hạn.', 'The package holds a non-finite number.');
  }
  if (declared !== actual) {
    throw new AppError('exchange.checksum_mismatch', {
      declared: typeof declared === 'string' ? declared : '—',
      actual,
    });
  }
  const parsed = exchangePackageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    throw validationError({
      [`file.${path}`]: {
        vi: `Gói trao đổi không đúng lược đồ tại "${path}": ${issue.message}`,
        en: `The exchange package does not match the schema at "${path}": ${issue.message}`,
      },
    });
  }
  const pkg = parsed.data;
  const recomputed = recomputeReport(pkg);
  if (!recomputed) {
    throw fileError(
      `Biểu 04 không áp dụng cho kỳ "${pkg.period}".`,
      `Form 04 does not apply to the period "${pkg.period}".`,
    );
  }
  const differences = itemDifferences(pkg.items, exchangeItems(recomputed));
  if (differences.length || recomputed.formVersion !== pkg.formVersion) {
    const line = (locale: 'vi' | 'en') =>
      differences
        .map((d) =>
          locale === 'vi'
            ? `chỉ tiêu ${d.code}: gói ghi ${show(d.signed, 'vi')}, tính lại được ${show(d.recomputed, 'vi')}`
            : `item ${d.code}: the package says ${show(d.signed, 'en')}, recomputed ${show(d.recomputed, 'en')}`,
        )
        .concat(
          recomputed.formVersion !== pkg.formVersion
            ? [`formVersion: ${pkg.formVersion} ≠ ${recomputed.formVersion}`]
            : [],
        )
        .join('; ');
    throw new AppError('exchange.figures_differ', {
      summary: line('vi'),
      summaryEn: line('en'),
      differences,
    });
  }
  const key = {
    provinceCode: pkg.province.code,
    formCode: pkg.formCode,
    period: pkg.period,
    signedVersionNo: pkg.signed.versionNo,
  };
  const contentHash = sha256(
    canonicalJson({
      province: pkg.province,
      formCode: pkg.formCode,
      formVersion: pkg.formVersion,
      period: pkg.period,
      signed: pkg.signed,
      items: pkg.items,
      registry: pkg.registry,
    }),
  );
  return deps.db.transaction(async (tx) => {
    await lockSubmissionKey(tx, key);
    const existing = await findSubmissionByKey(tx, key);
    if (existing) {
      if (existing.contentHash !== contentHash) {
        throw new AppError('exchange.conflicting_package', {
          provinceCode: key.provinceCode,
          period: key.period,
          versionNo: key.signedVersionNo,
        });
      }
      return { created: false, submission: submissionOf(existing) };
    }
    const row = await insertSubmission(tx, {
      formatVersion: pkg.version,
      provinceCode: pkg.province.code,
      provinceName: pkg.province.name,
      formCode: pkg.formCode,
      formVersion: pkg.formVersion,
      period: pkg.period,
      signedVersionNo: pkg.signed.versionNo,
      docNo: pkg.signed.docNo,
      signerName: pkg.signed.signerName,
      signerTitle: pkg.signed.signerTitle,
      signedAt: new Date(pkg.signed.signedAt),
      checksum: actual,
      contentHash,
      items: pkg.items,
      registry: pkg.registry,
      importedBy: actor.userId || null,
      importedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps, {
      action: 'exchange.import',
      entityType: 'exchange_submission',
      entityId: row.id,
      after: { ...key, checksum: actual },
    });
    return { created: true, submission: submissionOf(row) };
  });
}

function submissionOf(row: SubmissionRow): ExchangeSubmission {
  const registry = row.registry as ExchangePackage['registry'];
  return {
    ...summaryOf({
      ...row,
      zoneCount: registry.zones.length,
      projectCount: registry.projects.length,
      filingCount: registry.filings.length,
    }),
    formVersion: row.formVersion,
    items: row.items as ExchangePackage['items'],
  };
}

function summaryOf(
  row: Omit<SubmissionRow, 'items' | 'registry' | 'formatVersion' | 'formVersion' | 'contentHash'> & {
    zoneCount: number;
    projectCount: number;
    filingCount: number;
  },
): ExchangeSubmissionSummary {
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    provinceName: row.provinceName,
    formCode: row.formCode,
    period: row.period,
    signedVersionNo: row.signedVersionNo,
    docNo: row.docNo,
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    signedAt: row.signedAt.toISOString(),
    checksum: row.checksum,
    zoneCount: Number(row.zoneCount),
    projectCount: Number(row.projectCount),
    filingCount: Number(row.filingCount),
    importedBy: row.importedBy,
    importedAt: row.importedAt.toISOString(),
  };
}

/** The received submissions, newest first (the latest 500). */
export async function listExchangeSubmissions(
  deps: ServiceDeps,
): Promise<{ items: ExchangeSubmissionSummary[] }> {
  const actor = requireActor(deps);
  if (!canReceiveExchange(actor)) throw new AppError('forbidden');
  return { items: (await listSubmissions(deps.db, 500)).map(summaryOf) };
}

/** One received submission with its 27 items. */
export async function getExchangeSubmission(deps: ServiceDeps, id: string): Promise<ExchangeSubmission> {
  const actor = requireActor(deps);
  if (!canReceiveExchange(actor)) throw new AppError('not_found');
  const row = await findSubmission(deps.db, id);
  if (!row) throw new AppError('not_found');
  return submissionOf(row);
}
