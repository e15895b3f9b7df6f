import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PATHS } from '../../../lib/paths';
import { useLocale, useT } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import {
  bulkWorkbookUrl,
  useUploadBulkWorkbook,
  type BulkResult,
  type BulkRow,
} from '../api/filing-workbook-api';
import { useCompleteness } from '../api/reporting-api';
import { problemsOf, ProblemTable, withoutRow } from './filing-workbook-card';
import { currentPeriod, periodChoices, periodLabel } from './reporting-labels';
import { filingPagePath } from './reporting-paths';

const ACTION_COLORS: Record<BulkRow['action'], string> = {
  save: 'processing',
  save_submit: 'blue',
  submit: 'blue',
  unchanged: 'default',
  skipped: 'warning',
  empty: 'default',
  error: 'error',
};

/**
 * Nộp hộ doanh nghiệp (`/reports/bulk`): a cluster's developer downloads one workbook with a row per tenant
 * project owing Biểu 01, uploads it for a dry run (every row OK, bad or skipped, with the reasons), then
 * writes all rows in one transaction.
 */
export function BulkFilingView() {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [state, setState] = useUrlState(['period', 'zone'] as const);
  const choices = useMemo(() => periodChoices(), []);
  const period = choices.includes(state.period) ? state.period : currentPeriod();
  const zone = state.zone || null;
  const completeness = useCompleteness(period, 'zone');
  const clusters = useMemo(() => {
    const seen = new Map<string, string>();
    for (const row of completeness.data?.rows ?? []) {
      if (row.formCode === 'B01' && row.group.code && !seen.has(row.group.code))
        seen.set(row.group.code, row.group.name ?? row.group.code);
    }
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [completeness.data]);
  const upload = useUploadBulkWorkbook();
  const [file, setFile] = useState<File | null>(null);
  const [submit, setSubmit] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function run(dryRun: boolean) {
    if (!file) return;
    setFailure(null);
    try {
      const next = await upload.mutateAsync({ file, dryRun, submit });
      setResult(next);
      if (!dryRun) {
        void message.success(
          t('reports.workbook.committed', {
            save: next.counts.save,
            submit: next.counts.submit,
            unchanged: next.counts.unchanged,
            skipped: next.counts.skipped,
          }),
        );
      }
    } catch (error) {
      setFailure(error);
    }
  }

  const toWrite = result ? result.counts.save + result.counts.submit - countBoth(result) : 0;
  const canCommit = result !== null && result.dryRun && result.counts.error === 0 && toWrite > 0;

  const columns: TableColumnsType<BulkRow> = [
    { title: t('reports.workbook.colRow'), dataIndex: 'row', width: 70 },
    {
      title: t('reports.workbook.colProject'),
      key: 'project',
      render: (_, row) => (
        <>
          {row.filingId ? (
            <Link to={filingPagePath(row.filingId)}>{row.projectName ?? row.projectCode}</Link>
          ) : (
            (row.projectName ?? row.projectCode)
          )}
          <Typography.Text type="secondary"> · {row.projectCode}</Typography.Text>
        </>
      ),
    },
    {
      title: t('reports.workbook.cluster'),
      dataIndex: 'zoneCode',
      width: 170,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('reports.workbook.colResult'),
      key: 'action',
      width: 140,
      render: (_, row) => (
        <Tag color={ACTION_COLORS[row.action]} data-testid={`bulk-action-${row.projectCode}`}>
          {t(`reports.workbook.action.${row.action}`)}
        </Tag>
      ),
    },
    {
      title: t('reports.workbook.colDetail'),
      key: 'detail',
      render: (_, row) =>
        row.problems.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {row.problems.map((p, i) => (
              <li key={i}>
                <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'}>
                  {withoutRow(p.message[locale])}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : row.reason ? (
          row.reason[locale]
        ) : null,
    },
  ];

  const fileList: UploadFile[] = file
    ? [{ uid: 'bulk', name: file.name, status: 'done', originFileObj: file as never }]
    : [];
  const failureProblems = problemsOf(failure);

  return (
    <>
      <PageHeader
        title={t('reports.workbook.bulkTitle')}
        subtitle={t('reports.workbook.bulkSubtitle')}
        extra={
          <Link to={PATHS.reports}>
            <Button>{locale === 'vi' ? 'Về danh sách báo cáo' : 'Back to reports'}</Button>
          </Link>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" title={t('reports.workbook.bulkStep1')}>
          <Space wrap>
            <Typography.Text>{t('reports.workbook.period')}</Typography.Text>
            <Select
              aria-label={t('reports.workbook.period')}
              data-testid="bulk-period"
              value={period}
              style={{ minWidth: 200 }}
              options={choices.map((p) => ({ value: p, label: periodLabel(p, locale) }))}
              onChange={(value: string) => setState({ period: value, zone: null })}
            />
            <Typography.Text>{t('reports.workbook.cluster')}</Typography.Text>
            <Select
              aria-label={t('reports.workbook.cluster')}
              data-testid="bulk-zone"
              value={zone ?? ''}
              style={{ minWidth: 320 }}
              loading={completeness.isFetching}
              options={[
                { value: '', label: t('reports.workbook.allClusters') },
                ...clusters.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
              ]}
              onChange={(value: string) => setState({ zone: value || null })}
            />
            <Button
              type="primary"
              icon={<DownloadOutlined aria-hidden />}
              href={bulkWorkbookUrl(period, zone)}
              data-testid="bulk-download"
            >
              {t('reports.workbook.downloadBulk')}
            </Button>
          </Space>
          {completeness.data && clusters.length === 0 ? (
            <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('reports.workbook.noClusters')} />
          ) : null}
        </Card>
        <Card size="small" title={t('reports.workbook.bulkStep2')}>
          <Space wrap align="center">
            <Upload
              accept=".xlsx"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(f) => {
                setFile(f);
                setResult(null);
                setFailure(null);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setResult(null);
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />} data-testid="bulk-choose">
                {t('reports.workbook.chooseFile')}
              </Button>
            </Upload>
            <Checkbox
              checked={submit}
              onChange={(e) => {
                setSubmit(e.target.checked);
                setResult(null);
              }}
            >
              {t('reports.workbook.alsoSubmit')}
            </Checkbox>
            <Button
              disabled={!file}
              loading={upload.isPending && upload.variables?.dryRun === true}
              onClick={() => void run(true)}
              data-testid="bulk-check"
            >
              {t('reports.workbook.check')}
            </Button>
          </Space>
        </Card>
        {failure ? (
          failureProblems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('reports.workbook.fixFirst', {
                count: new Set(failureProblems.map((p) => p.row)).size,
              })}
              description={<ProblemTable problems={failureProblems} />}
            />
          ) : (
            <ErrorAlert error={failure} />
          )
        ) : null}
        {result ? (
          <Card
            size="small"
            title={result.dryRun ? t('reports.workbook.bulkStep3') : t('reports.workbook.bulkDone')}
            data-testid="bulk-result"
            extra={
              result.dryRun ? (
                <Button
                  type="primary"
                  disabled={!canCommit}
                  loading={upload.isPending && upload.variables?.dryRun === false}
                  data-testid="bulk-commit"
                  onClick={() =>
                    Modal.confirm({
                      title: t('reports.workbook.commitConfirm', { count: toWrite }),
                      okText: submit
                        ? t('reports.workbook.commitAllSubmit')
                        : t('reports.workbook.commitAll'),
                      cancelText: locale === 'vi' ? 'Huỷ' : 'Cancel',
                      onOk: () => run(false),
                    })
                  }
                >
                  {submit ? t('reports.workbook.commitAllSubmit') : t('reports.workbook.commitAll')}
                </Button>
              ) : null
            }
          >
            <Flex vertical gap={8}>
              <Typography.Text data-testid="bulk-summary">
                {t(result.dryRun ? 'reports.workbook.summary' : 'reports.workbook.summaryDone', {
                  ...result.counts,
                })}
              </Typography.Text>
              {result.dryRun && result.counts.error > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('reports.workbook.fixFirst', { count: result.counts.error })}
                />
              ) : null}
              {result.dryRun && result.counts.error === 0 && toWrite === 0 ? (
                <Alert type="info" showIcon title={t('reports.workbook.nothingToWrite')} />
              ) : null}
              {result.problems.length > 0 ? (
                <ProblemTable problems={result.problems.map((p) => ({ ...p, message: p.message[locale] }))} />
              ) : null}
              <Table<BulkRow>
                size="small"
                rowKey="row"
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                dataSource={result.rows}
                columns={columns}
              />
            </Flex>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}

/** Rows counted in both `save` and `submit` (saved then submitted): written once. */
function countBoth(result: BulkResult): number {
  return result.rows.filter((r) => r.action === 'save_submit').length;
}
