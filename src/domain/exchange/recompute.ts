import { compileClusterReport, type CompiledReport } from '../reporting/aggregate';
import { formVersion } from '../reporting/catalogue';
import type { ProjectFacts, ZoneFacts } from '../reporting/facts';
import { indicatorOf } from '../reporting/indicators';
import type { LocalizedText } from '../shared/errors';
import type { ExchangeItem, ExchangePackage } from './exchange.schema';

/**
 * The receiver's check of an exchange package: the 27 items are computed again from the package's own
 * registry rows and filings with `compileClusterReport` — the one statement of the Biểu 04 rule, the function
 * the reporting module signs with — and compared with the items as signed.
 */

/** The signed report's lines as the package carries them (number, indicator, name, unit, value). */
export function exchangeItems(report: CompiledReport): ExchangeItem[] {
  const form = formVersion(report.formCode, report.formVersion);
  return report.items.map((item) => {
    const label: LocalizedText =
      form?.items.find((i) => i.no === item.no)?.label ?? indicatorOf(item.indicator).name;
    return {
      code: item.no,
      indicator: item.indicator,
      label: { vi: label.vi, en: label.en },
      unit: item.unit,
      value: item.value,
    };
  });
}

/** The package's registry as the reporting functions read it. */
export function registryFacts(registry: ExchangePackage['registry']): {
  zones: ZoneFacts[];
  projects: ProjectFacts[];
} {
  return {
    zones: registry.zones.map((z) => ({
      id: z.id,
      code: z.code,
      name: z.name,
      kind: z.kind,
      ccnType: z.ccnType,
      communeId: z.communeId,
      formerDistrictId: z.formerDistrictId,
      developerOrgId: z.developerId,
      developerOwnership: z.developerOwnership,
      planEntries: z.planEntries,
      areaHa: z.areaHa,
      industrialLandHa: z.industrialLandHa,
      leasedHa: z.leasedHa,
      approvedHa: z.approvedHa,
      infraInvestmentApprovedVnd: z.infraInvestmentApprovedVnd,
      infraInvestmentPaidVnd: z.infraInvestmentPaidVnd,
      wwtpStatus: z.wwtpStatus,
      lifecycle: z.lifecycle,
    })),
    projects: registry.projects.map((p) => ({
      id: p.id,
      code: p.code,
      zoneId: p.zoneId,
      investorOrgId: p.investorId,
      investorIsFdi: p.investorIsFdi,
      status: p.status,
      terminatedOn: p.terminatedOn,
    })),
  };
}

/** Biểu 04 computed from the package's registry (null when the form is not due for the period). */
export function recomputeReport(pkg: ExchangePackage): CompiledReport | null {
  const { zones, projects } = registryFacts(pkg.registry);
  try {
    return compileClusterReport({
      formCode: 'B04',
      period: pkg.period,
      scope: { kind: 'province' },
      zones,
      projects,
      filings: pkg.registry.filings,
    });
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** A line whose signed figure is not what the registry gives (or that is missing on one side). */
export type ItemDifference = {
  code: string;
  signed: number | null | 'missing';
  recomputed: number | null | 'missing';
};

/** Every line where the signed items and the recomputed ones disagree, in form order. */
export function itemDifferences(
  signed: readonly ExchangeItem[],
  recomputed: readonly ExchangeItem[],
): ItemDifference[] {
  const differences: ItemDifference[] = [];
  const bySigned = new Map(signed.map((i) => [i.code, i]));
  for (const item of recomputed) {
    const declared = bySigned.get(item.code);
    if (!declared) differences.push({ code: item.code, signed: 'missing', recomputed: item.value });
    else if (
      declared.value !== item.value ||
      declared.unit !== item.unit ||
      declared.indicator !== item.indicator
    ) {
      differences.push({ code: item.code, signed: declared.value, recomputed: item.value });
    }
  }
  const known = new Set(recomputed.map((i) => i.code));
  for (const item of signed) {
    if (!known.has(item.code))
      differences.push({ code: item.code, signed: item.value, recomputed: 'missing' });
  }
  return differences;
}
