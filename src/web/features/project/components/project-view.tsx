import { EditOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Statistic,
  Tabs,
  Tag,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { RecordLoadState, useRecordPage } from '../../../components/record-page/record-page';
import { RecordHistory } from '../../../components/record-history/record-history';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import {
  capitalText,
  ownershipLabel,
  PROJECT_STATUS_COLORS,
  projectStatusLabel,
} from '../../../components/zone/zone-labels';
import { organisationPagePath, zonePath } from '../../../lib/paths';
import { SyntheticTag } from '../../../components/zone/zone-tags';
import { useProject, useProjectHistory, type ProjectDetail } from '../api/project-api';
import { ProjectEditDrawer } from './project-edit-drawer';
import { ProjectLedger } from './project-ledger';
import { projectVocabulary } from './project-labels';

const TABS = ['overview', 'ledger', 'documents', 'obstacles', 'history'] as const;

function Figure({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic title={title} valueRender={() => children} />
    </Card>
  );
}

/**
 * The tabs of a project that other features own (its documents, the obstacles reported on it): the page composes
 * them (app/pages/project-page), so the project feature imports neither feature.
 */
export type ProjectTabsOfOtherFeatures = {
  documents: (code: string) => ReactNode;
  obstacles: (project: { code: string; zoneCode: string }) => ReactNode;
};

/** One tenant project: its facts, its capital ledger (with the form for the next event), its history. */
export function ProjectView({ code, tabs }: { code: string; tabs: ProjectTabsOfOtherFeatures }) {
  const t = useT();
  const format = useFormat();
  const project = useProject(code);
  const { tab, setTab, back } = useRecordPage({
    tabs: TABS,
    listPath: '/projects',
    backLabel: t('project.backToList'),
  });
  const [editing, setEditing] = useState(false);
  const canEdit = project.data?.canEdit ?? false;

  const loadState = (
    <RecordLoadState query={project} back={back} notFoundTitle={t('project.notFound', { code })} />
  );
  if (!project.data) return loadState;
  const detail = project.data;

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={detail.name}
        subtitle={
          <Flex component="span" gap={8} wrap align="center">
            <Typography.Text code>{detail.code}</Typography.Text>
            <Tag color={PROJECT_STATUS_COLORS[detail.status] ?? 'default'}>
              {projectStatusLabel(detail.status, t)}
            </Tag>
            {detail.ownership === 'fdi' ? <Tag color="purple">FDI</Tag> : null}
            {detail.isSynthetic ? <SyntheticTag /> : null}
            <Typography.Text type="secondary">
              {t('zone.updatedAt', { time: format.dateTime(detail.updatedAt) })}
            </Typography.Text>
          </Flex>
        }
        extra={
          canEdit ? (
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('project.edit')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <Figure title={t('project.field.registeredCapital')} testId="project-registered-capital">
            {detail.registeredCapital.length === 0 ? (
              <Typography.Text type="secondary">{t('project.noCapital')}</Typography.Text>
            ) : (
              <Flex vertical>
                {detail.registeredCapital.map((capital) => (
                  <span key={capital.currency}>{capitalText(capital.amount, capital.currency, format)}</span>
                ))}
              </Flex>
            )}
          </Figure>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure title={t('project.field.leasedHa')}>{format.area(detail.leasedHa)}</Figure>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure title={t('project.field.workers')}>{format.number(detail.workers)}</Figure>
        </Col>
        <Col xs={24} xl={8}>
          <Figure title={t('project.field.zoneCode')}>
            <Link to={zonePath(detail.zoneCode)}>{detail.zoneName}</Link>
          </Figure>
        </Col>
      </Row>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'overview', label: t('project.tab.overview'), children: <Overview project={detail} /> },
          {
            key: 'ledger',
            label: t('project.tab.ledger'),
            children: <ProjectLedger project={detail} canEdit={canEdit} />,
          },
          {
            key: 'documents',
            label: t('project.tab.documents'),
            children: tabs.documents(detail.code),
          },
          {
            key: 'obstacles',
            label: t('monitoring.obstacle.tab'),
            children: tabs.obstacles(detail),
          },
          { key: 'history', label: t('project.tab.history'), children: <History code={detail.code} /> },
        ]}
      />
      {canEdit ? (
        <ProjectEditDrawer mode="edit" project={detail} open={editing} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}

function Overview({ project }: { project: ProjectDetail }) {
  const t = useT();
  const format = useFormat();
  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('project.field.code'),
      children: <Typography.Text code>{project.code}</Typography.Text>,
    },
    {
      key: 'status',
      label: t('project.field.status'),
      children: (
        <Tag color={PROJECT_STATUS_COLORS[project.status] ?? 'default'}>
          {projectStatusLabel(project.status, t)}
        </Tag>
      ),
    },
    {
      key: 'zone',
      label: t('project.field.zoneCode'),
      children: <Link to={zonePath(project.zoneCode)}>{`${project.zoneName} (${project.zoneCode})`}</Link>,
    },
    {
      key: 'investor',
      label: t('project.field.investorCode'),
      children: (
        <Flex vertical gap={2}>
          <Link to={organisationPagePath(project.investorCode)}>{project.investorName}</Link>
          <Typography.Text type="secondary">
            {project.ownership ? ownershipLabel(project.ownership, t) : t('organisation.ownershipUnknown')}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'certificateNo', label: t('project.field.certificateNo'), children: project.certificateNo ?? '—' },
    {
      key: 'certificateDate',
      label: t('project.field.certificateDate'),
      children: format.date(project.certificateDate),
    },
    { key: 'vsic', label: t('project.field.vsicCode'), children: project.vsicCode ?? '—' },
    { key: 'lot', label: t('project.field.lot'), children: project.lot ?? '—' },
    { key: 'leased', label: t('project.field.leasedHa'), children: format.area(project.leasedHa) },
    { key: 'workers', label: t('project.field.workers'), children: format.number(project.workers) },
    {
      key: 'capital',
      label: t('project.field.registeredCapital'),
      children:
        project.registeredCapital.length === 0
          ? '—'
          : project.registeredCapital
              .map((capital) => capitalText(capital.amount, capital.currency, format))
              .join('; '),
    },
    {
      key: 'synthetic',
      label: t('organisation.field.isSynthetic'),
      children: project.isSynthetic ? <SyntheticTag /> : t('organisation.realRecord'),
    },
    { key: 'created', label: t('organisation.createdAt'), children: format.dateTime(project.createdAt) },
  ];
  return (
    <Descriptions
      data-testid="project-overview"
      items={items}
      column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
      size="small"
      bordered
    />
  );
}

function History({ code }: { code: string }) {
  const t = useT();
  const format = useFormat();
  const history = useProjectHistory(code);
  const vocabulary = useMemo(() => projectVocabulary(t, format), [t, format]);
  return <RecordHistory query={history} vocabulary={vocabulary} testId="project-history" />;
}
