import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Tag, Typography } from 'antd';
import { useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { DataTable, type DataTableColumn } from '../../../components/data-table/data-table';
import { useTableState } from '../../../components/data-table/use-table-state';
import { PageHeader } from '../../../components/ui/page-header';
import { countryName, countryOptions } from '../../../lib/countries';
import { useLocale, useT } from '../../../lib/i18n';
import { matchesFolded } from '../../../lib/text';
import { hasPermission, useCurrentUser } from '../../../lib/session';
import { ownershipLabel } from '../../../components/zone/zone-labels';
import { SyntheticTag } from '../../../components/zone/zone-tags';
import {
  ORGANISATION_ROLES,
  ORGANISATION_SORTS,
  organisationExportUrl,
  OWNERSHIPS,
  useOrganisations,
  type Organisation,
  type OrganisationFilters,
  type OrganisationRole,
  type OrganisationSort,
  type Ownership,
} from '../api/organisation-api';
import { OrganisationEditDrawer } from './organisation-edit-drawer';
import { ROLE_COLORS, ROLE_LABELS } from './organisation-labels';
import { organisationPagePath, type OrganisationListLocationState } from '../../../lib/paths';

const FILTER_KEYS = ['q', 'role', 'country', 'ownership'] as const;

function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  return (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

const folded = (input: string, option?: { label?: ReactNode }) =>
  matchesFolded(String(option?.label ?? ''), input);

/** Doanh nghiệp & tổ chức: investors, developers and agencies, searched by name or MST without diacritics. */
export function OrganisationList() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useCurrentUser();
  const canCreate = hasPermission(me, 'organisation.manage');
  const [creating, setCreating] = useState(false);
  const table = useTableState<(typeof FILTER_KEYS)[number], OrganisationSort>({
    keys: FILTER_KEYS,
    defaultPageSize: 50,
    pageSizeOptions: [20, 50, 100, 200],
    sorts: ORGANISATION_SORTS,
    defaultSort: 'name',
  });
  const { values, setFilters } = table;
  const filters: OrganisationFilters = {
    q: values.q.trim() || undefined,
    role: oneOf(ORGANISATION_ROLES, values.role),
    country: /^[A-Z]{2}$/.test(values.country) ? values.country : undefined,
    ownership: oneOf<Ownership | 'unknown'>([...OWNERSHIPS, 'unknown'], values.ownership),
  };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const organisations = useOrganisations({
    ...filters,
    sort: table.sort,
    order: table.order,
    page: table.page,
    pageSize: table.pageSize,
  });
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const linkState: OrganisationListLocationState = { fromList: location.search };
  const stop = (event: MouseEvent) => event.stopPropagation();
  const exportFilters = { ...filters, sort: table.sort, order: table.order };

  const columns: DataTableColumn<Organisation, OrganisationSort>[] = [
    {
      title: t('organisation.field.code'),
      dataIndex: 'code',
      sortKey: 'code',
      // Column priorities (issue 10): the code from 768 px; the name stays on the left when scrolling.
      responsive: ['md'],
      width: 160,
      render: (code: string) => (
        <Typography.Text code style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: t('organisation.field.name'),
      sortKey: 'name',
      fixed: 'left',
      width: 240,
      render: (_value, org) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={organisationPagePath(org.code)} state={linkState} onClick={stop}>
            {org.name}
          </Link>
          {org.nameEn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {org.nameEn}
            </Typography.Text>
          ) : null}
          {org.isSynthetic ? <SyntheticTag /> : null}
        </Flex>
      ),
    },
    {
      title: t('organisation.field.taxCode'),
      dataIndex: 'taxCode',
      sortKey: 'taxCode',
      render: (taxCode: string | null) =>
        taxCode ? <span style={{ whiteSpace: 'nowrap' }}>{taxCode}</span> : '—',
    },
    {
      title: t('organisation.field.country'),
      dataIndex: 'country',
      sortKey: 'country',
      render: (country: string) => countryName(country, locale),
    },
    {
      title: t('organisation.field.ownership'),
      dataIndex: 'ownership',
      render: (ownership: Ownership | null) =>
        ownership ? (
          ownershipLabel(ownership, t)
        ) : (
          <Typography.Text type="secondary">{t('organisation.ownershipUnknown')}</Typography.Text>
        ),
    },
    {
      title: t('organisation.field.roles'),
      dataIndex: 'roles',
      render: (roles: OrganisationRole[]) => (
        <Flex gap={4} wrap>
          {roles.map((role) => (
            <Tag key={role} color={ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }}>
              {t(ROLE_LABELS[role])}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.organisations')}
        subtitle={t('organisation.list.subtitle')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('organisation.add')}
            </Button>
          ) : null
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          key={values.q}
          defaultValue={values.q}
          allowClear
          enterButton
          placeholder={t('organisation.filter.searchPlaceholder')}
          aria-label={t('organisation.filter.search')}
          style={{ width: 320 }}
          onSearch={(q) => setFilters({ q: q.trim() || null })}
        />
        <Select<OrganisationRole>
          allowClear
          aria-label={t('organisation.field.roles')}
          placeholder={t('organisation.filter.allRoles')}
          style={{ width: 220 }}
          value={filters.role}
          options={ORGANISATION_ROLES.map((value) => ({ value, label: t(ROLE_LABELS[value]) }))}
          onChange={(value) => setFilters({ role: value ?? null })}
        />
        <Select<string>
          allowClear
          aria-label={t('organisation.field.country')}
          placeholder={t('organisation.filter.allCountries')}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
          value={filters.country}
          showSearch={{ filterOption: folded }}
          options={countries}
          onChange={(value) => setFilters({ country: value ?? null })}
        />
        <Select<Ownership | 'unknown'>
          allowClear
          aria-label={t('organisation.field.ownership')}
          placeholder={t('organisation.filter.allOwnerships')}
          style={{ width: 260 }}
          popupMatchSelectWidth={false}
          value={filters.ownership}
          options={[
            ...OWNERSHIPS.map((value) => ({ value, label: ownershipLabel(value, t) })),
            { value: 'unknown' as const, label: t('organisation.ownershipUnknown') },
          ]}
          onChange={(value) => setFilters({ ownership: value ?? null })}
        />
        {filtered ? (
          <Button
            type="link"
            onClick={() => setFilters({ q: null, role: null, country: null, ownership: null })}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Flex>
      <DataTable<Organisation, OrganisationSort>
        testId="organisation-list"
        rowKey="code"
        size="small"
        state={table}
        query={organisations}
        columns={columns}
        emptyText={t(filtered ? 'organisation.empty' : 'organisation.emptyNoFilter')}
        exports={[
          { format: 'xlsx', href: organisationExportUrl('xlsx', exportFilters) },
          { format: 'csv', href: organisationExportUrl('csv', exportFilters) },
        ]}
        onRowClick={(org) => void navigate(organisationPagePath(org.code), { state: linkState })}
      />
      {canCreate ? (
        <OrganisationEditDrawer
          mode="create"
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(org) => {
            setCreating(false);
            void navigate(organisationPagePath(org.code));
          }}
        />
      ) : null}
    </>
  );
}
