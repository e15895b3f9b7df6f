import { Button, Flex, Input, Select } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { lifecycleStates } from '../../../../domain/zone/lifecycle';
import { toIsoDate } from '../../../../domain/format/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useLocale, useT } from '../../../lib/i18n';
import { matchesFolded } from '../../../lib/text';
import { adminUnitLabel, useAllAdminUnits } from '../../../lib/admin-units';
import {
  useCcnTypes,
  ZONE_FAMILIES,
  ZONE_KINDS,
  type LifecycleState,
  type ZoneFamily,
  type ZoneFilters,
  type ZoneKind,
} from '../api/zone-api';
import { DeveloperSelect } from './developer-select';
import { CLEARED_FILTERS, hasFilters, LAST_DISTRICT_DAY, type FilterKey } from './zone-filter-state';
import { FAMILY_LABELS, KIND_LABELS, lifecycleLabel } from '../../../components/zone/zone-labels';

type Patch = Partial<Record<FilterKey | 'page', string | null>>;

const folded = (input: string, option?: { label?: ReactNode }) =>
  matchesFolded(String(option?.label ?? ''), input);

/**
 * Filters of the registry (list and map): family, kind, cluster type, lifecycle state, commune (today's
 * units), former district (before 1/7/2025), developer code and a diacritics-insensitive search. Every change
 * goes to the URL and back to page 1.
 */
export function ZoneFilterBar({
  filters,
  rawQuery,
  onChange,
}: {
  filters: ZoneFilters;
  /** The search text as typed in the URL (kept while the user edits it). */
  rawQuery: string;
  onChange: (patch: Patch) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const today = useMemo(() => toIsoDate(new Date()), []);
  const communes = useAllAdminUnits('commune', today);
  const districts = useAllAdminUnits('district', LAST_DISTRICT_DAY);
  const ccnTypes = useCcnTypes();
  const set = (patch: Patch) => onChange({ ...patch, page: null });
  const listsError = communes.error ?? districts.error ?? ccnTypes.error;

  // Only CCN has cluster types: a KCN-only filter hides the choice, and choosing a type implies CCN.
  const showCcnType = filters.family !== 'KCN' && (!filters.kind || filters.kind === 'CCN');

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap align="center">
        <Input.Search
          key={rawQuery}
          defaultValue={rawQuery}
          allowClear
          enterButton
          placeholder={t('zone.filter.searchPlaceholder')}
          aria-label={t('zone.filter.search')}
          style={{ width: 300 }}
          onSearch={(q) => set({ q: q.trim() || null })}
        />
        <Select<ZoneFamily>
          allowClear
          aria-label={t('zone.filter.family')}
          placeholder={t('zone.filter.allFamilies')}
          style={{ width: 240 }}
          value={filters.family}
          options={ZONE_FAMILIES.map((value) => ({ value, label: t(FAMILY_LABELS[value]) }))}
          onChange={(value) =>
            set({
              family: value ?? null,
              kind: null,
              ccnType: value === 'KCN' ? null : (filters.ccnType ?? null),
            })
          }
        />
        <Select<ZoneKind>
          allowClear
          aria-label={t('zone.filter.kind')}
          placeholder={t('zone.filter.allKinds')}
          style={{ width: 180 }}
          value={filters.kind}
          options={ZONE_KINDS.filter(
            (kind) => !filters.family || (filters.family === 'CCN') === (kind === 'CCN'),
          ).map((value) => ({ value, label: t(KIND_LABELS[value]) }))}
          onChange={(value) =>
            set(value && value !== 'CCN' ? { kind: value, ccnType: null } : { kind: value ?? null })
          }
        />
        {showCcnType ? (
          <Select<string>
            allowClear
            aria-label={t('zone.filter.ccnType')}
            placeholder={t('zone.filter.allCcnTypes')}
            style={{ width: 200 }}
            loading={ccnTypes.isPending}
            value={filters.ccnType}
            options={(ccnTypes.data ?? []).map((type) => ({ value: type.code, label: type.name }))}
            onChange={(value) => set({ ccnType: value ?? null })}
          />
        ) : null}
        <Select<LifecycleState | 'none'>
          allowClear
          aria-label={t('zone.filter.state')}
          placeholder={t('zone.filter.allStates')}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          value={filters.state}
          options={[
            ...lifecycleStates.map((value) => ({ value, label: lifecycleLabel(value, locale) })),
            { value: 'none' as const, label: t('zone.noState') },
          ]}
          onChange={(value) => set({ state: value ?? null })}
        />
        <Select<string>
          allowClear
          aria-label={t('zone.filter.commune')}
          placeholder={t('zone.filter.allCommunes')}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
          loading={communes.isPending}
          value={filters.commune}
          showSearch={{ filterOption: folded }}
          options={(communes.data ?? []).map((unit) => ({ value: unit.code, label: adminUnitLabel(unit) }))}
          onChange={(value) => set({ commune: value ?? null })}
        />
        <Select<string>
          allowClear
          aria-label={t('zone.filter.formerDistrict')}
          placeholder={t('zone.filter.allFormerDistricts')}
          style={{ width: 260 }}
          popupMatchSelectWidth={false}
          loading={districts.isPending}
          value={filters.formerDistrict}
          showSearch={{ filterOption: folded }}
          options={(districts.data ?? []).map((unit) => ({ value: unit.code, label: adminUnitLabel(unit) }))}
          onChange={(value) => set({ formerDistrict: value ?? null })}
        />
        <DeveloperSelect
          value={filters.developer ?? null}
          ariaLabel={t('zone.filter.developer')}
          style={{ width: 240 }}
          onChange={(developer) => set({ developer })}
        />
        {hasFilters(filters) ? (
          <Button type="link" onClick={() => onChange(CLEARED_FILTERS)}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Flex>
      {listsError ? <ErrorAlert error={listsError} /> : null}
    </Flex>
  );
}
