import { Descriptions, Drawer, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMemo } from 'react';
import { toIsoDate } from '../../../../domain/format/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { adminUnitLabel, useAdminUnit } from '../api/admin-unit-api';
import { AdminUnitLinks } from './admin-unit-links';
import { LEVEL_LABELS, STATUS_COLORS, STATUS_LABELS, validityStatus } from './admin-unit-labels';

/** Detail of one administrative unit with the units it came from and the units it became. */
export function AdminUnitDrawer({
  id,
  hrefFor,
  onClose,
}: {
  id: string | null;
  /** The address that opens another unit in this drawer. */
  hrefFor: (id: string) => string;
  onClose: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const today = useMemo(() => toIsoDate(new Date()), []);
  const unit = useAdminUnit(id);
  const data = unit.data;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      title={data ? adminUnitLabel(data) : t('adminUnit.detail')}
      destroyOnHidden
    >
      {unit.isPending && id !== null ? <Skeleton active /> : null}
      {unit.error ? <ErrorAlert error={unit.error} /> : null}
      {data ? (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'code',
                label: t('adminUnit.code'),
                children: <Typography.Text code>{data.code}</Typography.Text>,
              },
              { key: 'level', label: t('adminUnit.level'), children: t(LEVEL_LABELS[data.level]) },
              { key: 'kind', label: t('adminUnit.kind'), children: data.kind },
              { key: 'name', label: t('adminUnit.name'), children: data.name },
              {
                key: 'parent',
                label: t('adminUnit.parent'),
                children: data.parentId ? (
                  <Link to={hrefFor(data.parentId)}>{data.parentName ?? data.parentId}</Link>
                ) : (
                  '—'
                ),
              },
              { key: 'validFrom', label: t('adminUnit.validFrom'), children: format.date(data.validFrom) },
              { key: 'validTo', label: t('adminUnit.validTo'), children: format.date(data.validTo) },
              {
                key: 'status',
                label: t('adminUnit.status'),
                children: (
                  <Tag color={STATUS_COLORS[validityStatus(data, today)]}>
                    {t(STATUS_LABELS[validityStatus(data, today)])}
                  </Tag>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('adminUnit.predecessors')}
          </Typography.Title>
          <AdminUnitLinks links={data.predecessors} hrefFor={hrefFor} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('adminUnit.successors')}
          </Typography.Title>
          <AdminUnitLinks links={data.successors} hrefFor={hrefFor} />
        </>
      ) : null}
    </Drawer>
  );
}
