import { EditOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Tabs,
  Tag,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { RecordLoadState, useRecordPage } from '../../../components/record-page/record-page';
import { RecordHistory } from '../../../components/record-history/record-history';
import { PageHeader } from '../../../components/ui/page-header';
import { countryName } from '../../../lib/countries';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { hasPermission, useCurrentUser } from '../../../lib/session';
import { ownershipLabel } from '../../../components/zone/zone-labels';
import { SourceText } from '../../../components/ui/source-text';
import { SyntheticTag } from '../../../components/zone/zone-tags';
import { useOrganisation, useOrganisationHistory, type OrganisationDetail } from '../api/organisation-api';
import { OrganisationEditDrawer } from './organisation-edit-drawer';
import { organisationVocabulary, ROLE_COLORS, ROLE_LABELS } from './organisation-labels';

const TABS = ['overview', 'projects', 'zones', 'history'] as const;

/** One organisation: its registry facts and sources, its projects, the zones it develops, its history. */
/**
 * The tabs of an organisation that other features own (the projects it invests in, the zones it develops): the
 * page composes them (app/pages/organisation-page), so the organisation feature imports neither feature.
 */
export type OrganisationTabsOfOtherFeatures = Record<'projects' | 'zones', (code: string) => ReactNode>;

export function OrganisationView({ code, tabs }: { code: string; tabs: OrganisationTabsOfOtherFeatures }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const organisation = useOrganisation(code);
  const { tab, setTab, back } = useRecordPage({
    tabs: TABS,
    listPath: '/organisations',
    backLabel: t('organisation.backToList'),
  });
  const [editing, setEditing] = useState(false);
  const canEdit = organisation.data?.canEdit ?? false;

  const loadState = (
    <RecordLoadState query={organisation} back={back} notFoundTitle={t('organisation.notFound', { code })} />
  );
  if (!organisation.data) return loadState;
  const detail = organisation.data;
  const developer = detail.roles.includes('developer');
  const items = [
    { key: 'overview', label: t('organisation.tab.overview'), children: <Overview org={detail} /> },
    hasPermission(me, 'project.read')
      ? {
          key: 'projects',
          label: t('organisation.tab.projects'),
          children: tabs.projects(detail.code),
        }
      : null,
    developer
      ? {
          key: 'zones',
          label: t('organisation.tab.zones'),
          children: tabs.zones(detail.code),
        }
      : null,
    { key: 'history', label: t('organisation.tab.history'), children: <History code={detail.code} /> },
  ].filter((item) => item !== null);

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={detail.name}
        subtitle={
          <Flex component="span" gap={8} wrap align="center">
            <Typography.Text code>{detail.code}</Typography.Text>
            {detail.roles.map((role) => (
              <Tag key={role} color={ROLE_COLORS[role]}>
                {t(ROLE_LABELS[role])}
              </Tag>
            ))}
            {detail.isSynthetic ? <SyntheticTag /> : null}
            <Typography.Text type="secondary">
              {t('zone.updatedAt', { time: format.dateTime(detail.updatedAt) })}
            </Typography.Text>
          </Flex>
        }
        extra={
          canEdit ? (
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('organisation.edit')}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={items.some((item) => item.key === tab) ? tab : 'overview'}
        onChange={setTab}
        destroyOnHidden
        items={items}
      />
      {canEdit ? (
        <OrganisationEditDrawer
          mode="edit"
          organisation={detail}
          open={editing}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </>
  );
}

function Overview({ org }: { org: OrganisationDetail }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('organisation.field.code'),
      children: <Typography.Text code>{org.code}</Typography.Text>,
    },
    {
      key: 'taxCode',
      label: t('organisation.field.taxCode'),
      children: org.taxCode ?? (
        <Typography.Text type="secondary">{t('organisation.noTaxCode')}</Typography.Text>
      ),
    },
    { key: 'nameEn', label: t('organisation.field.nameEn'), children: org.nameEn ?? '—' },
    {
      key: 'country',
      label: t('organisation.field.country'),
      children: `${countryName(org.country, locale)} (${org.country})`,
    },
    {
      key: 'ownership',
      label: t('organisation.field.ownership'),
      children: org.ownership ? (
        ownershipLabel(org.ownership, t)
      ) : (
        <Typography.Text type="secondary">{t('organisation.ownershipUnknown')}</Typography.Text>
      ),
    },
    {
      key: 'roles',
      label: t('organisation.field.roles'),
      children: (
        <Flex gap={4} wrap>
          {org.roles.map((role) => (
            <Tag key={role} color={ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }}>
              {t(ROLE_LABELS[role])}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'address', label: t('organisation.field.address'), children: org.address ?? '—', span: 'filled' },
    {
      key: 'synthetic',
      label: t('organisation.field.isSynthetic'),
      children: org.isSynthetic ? <SyntheticTag /> : t('organisation.realRecord'),
    },
    { key: 'created', label: t('organisation.createdAt'), children: format.dateTime(org.createdAt) },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="organisation-overview">
      <Col xs={24} xl={16}>
        <Descriptions
          title={t('organisation.section.registry')}
          items={items}
          column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
          size="small"
          bordered
        />
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('organisation.field.sources')} data-testid="organisation-sources">
          {org.sources.length > 0 ? (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {org.sources.map((source, index) => (
                <li key={index} style={{ wordBreak: 'break-word' }}>
                  <SourceText text={source} />
                </li>
              ))}
            </ol>
          ) : (
            <Typography.Text type="secondary">{t('zone.noSources')}</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}

function History({ code }: { code: string }) {
  const t = useT();
  const locale = useLocale();
  const history = useOrganisationHistory(code);
  const vocabulary = useMemo(() => organisationVocabulary(t, locale), [t, locale]);
  return <RecordHistory query={history} vocabulary={vocabulary} testId="organisation-history" />;
}
