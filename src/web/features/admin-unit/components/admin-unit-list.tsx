import { Button, DatePicker, Flex, Input, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { toIsoDate } from '../../../../domain/format/format';
import { DataTable, type DataTableColumn } from '../../../components/data-table/data-table';
import { useTableState } from '../../../components/data-table/use-table-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useDatePickerFormat, useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import {
  ADMIN_UNIT_LEVELS,
  adminUnitLabel,
  useAdminUnits,
  type AdminUnit,
  type AdminUnitLevel,
} from '../api/admin-unit-api';
import { AdminUnitDrawer } from './admin-unit-drawer';
import { AdminUnitLinks } from './admin-unit-links';
import {
  LEVEL_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  validityStatus,
  validityText,
} from './admin-unit-labels';

const URL_KEYS = ['level', 'validOn', 'q', 'unit'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function asLevel(text: string): AdminUnitLevel | undefined {
  return (ADMIN_UNIT_LEVELS as readonly string[]).includes(text) ? (text as AdminUnitLevel) : undefined;
}

/** Đơn vị hành chính: versioned units (before and after 1/7/2025) with their validity and succession. */
export function AdminUnitList() {
  const t = useT();
  const format = useFormat();
  const dateFormat = useDatePickerFormat();
  const today = useMemo(() => toIsoDate(new Date()), []);
  const table = useTableState({ keys: URL_KEYS });
  const { values: state, setFilters, update, searchWith, page, pageSize } = table;
  const level = asLevel(state.level);
  const validOn = ISO_DATE.test(state.validOn) ? state.validOn : undefined;
  const units = useAdminUnits({ level, validOn, q: state.q || undefined, page, pageSize });
  const openUnit = (id: string) => update({ unit: id });
  const unitHref = (id: string) => searchWith({ unit: id });
  const stop = (event: MouseEvent) => event.stopPropagation();

  const columns: DataTableColumn<AdminUnit>[] = [
    {
      title: t('adminUnit.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('adminUnit.name'),
      key: 'name',
      render: (_value, unit) => (
        <div>
          <Link to={unitHref(unit.id)} onClick={stop}>
            {adminUnitLabel(unit)}
          </Link>
          <div>
            <Typography.Text type="secondary">{t(LEVEL_LABELS[unit.level])}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('adminUnit.parent'),
      dataIndex: 'parentName',
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('adminUnit.validity'),
      key: 'validity',
      render: (_value, unit) => {
        const status = validityStatus(unit, today);
        return (
          <Flex vertical gap={4} align="flex-start">
            <span>{validityText(unit, t, format)}</span>
            <Tag color={STATUS_COLORS[status]}>{t(STATUS_LABELS[status])}</Tag>
          </Flex>
        );
      },
    },
    {
      title: t('adminUnit.succession'),
      key: 'succession',
      render: (_value, unit) =>
        unit.predecessors || unit.successors ? (
          <Flex vertical gap={8} onClick={stop}>
            {unit.predecessors && unit.predecessors.length > 0 ? (
              <div>
                <Typography.Text type="secondary">{t('adminUnit.predecessorsShort')}</Typography.Text>
                <AdminUnitLinks links={unit.predecessors} hrefFor={unitHref} />
              </div>
            ) : null}
            {unit.successors && unit.successors.length > 0 ? (
              <div>
                <Typography.Text type="secondary">{t('adminUnit.successorsShort')}</Typography.Text>
                <AdminUnitLinks links={unit.successors} hrefFor={unitHref} />
              </div>
            ) : null}
          </Flex>
        ) : (
          <Link to={unitHref(unit.id)} onClick={stop}>
            {t('adminUnit.viewSuccession')}
          </Link>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.adminUnits')} subtitle={t('adminUnit.subtitle')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<AdminUnitLevel>
          allowClear
          aria-label={t('adminUnit.filter.level')}
          placeholder={t('adminUnit.filter.allLevels')}
          style={{ minWidth: 220 }}
          value={level}
          options={ADMIN_UNIT_LEVELS.map((value) => ({ value, label: t(LEVEL_LABELS[value]) }))}
          onChange={(value) => setFilters({ level: value ?? null })}
        />
        <DatePicker
          aria-label={t('adminUnit.filter.validOn')}
          placeholder={t('adminUnit.filter.validOn')}
          format={dateFormat}
          value={validOn ? dayjs(validOn) : null}
          onChange={(value) => setFilters({ validOn: value ? value.format('YYYY-MM-DD') : null })}
          style={{ minWidth: 200 }}
        />
        <Input.Search
          key={state.q}
          defaultValue={state.q}
          allowClear
          enterButton
          placeholder={t('adminUnit.filter.searchPlaceholder')}
          aria-label={t('adminUnit.filter.search')}
          style={{ maxWidth: 360 }}
          onSearch={(q) => setFilters({ q: q.trim() })}
        />
        {level || validOn || state.q ? (
          <Button type="link" onClick={() => setFilters({ level: null, validOn: null, q: null })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Flex>
      <DataTable<AdminUnit>
        rowKey="id"
        state={table}
        query={units}
        columns={columns}
        onRowClick={(unit) => openUnit(unit.id)}
      />
      <AdminUnitDrawer id={state.unit || null} hrefFor={unitHref} onClose={() => update({ unit: null })} />
    </>
  );
}
