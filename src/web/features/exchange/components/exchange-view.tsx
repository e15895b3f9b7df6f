import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Forbidden } from '../../../components/ui/forbidden';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useCurrentUser } from '../../../lib/session';
import {
  EXCHANGE_SCHEMA_URL,
  useExchangeSubmission,
  useExchangeSubmissions,
  useImportExchangePackage,
  type ExchangeSubmissionSummary,
} from '../api/exchange-api';

/** Who receives packages (the server's exchange.policy.ts): department officers and the system administrator. */
const RECEIVERS = ['department_officer', 'system_admin'];

/**
 * "Trao đổi dữ liệu": upload a province's Biểu 04 exchange package (checked and recomputed by the server) and
 * read the submissions received, each with its 27 items.
 */
export function ExchangePage() {
  const user = useCurrentUser();
  const allowed = user.assignments.some((a) => RECEIVERS.includes(a.role));
  return allowed ? <ExchangeView /> : <Forbidden />;
}

function ExchangeView() {
  const t = useT();
  const format = useFormat();
  const submissions = useExchangeSubmissions();
  const upload = useImportExchangePackage();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t('exchange.title')}
        subtitle={t('exchange.subtitle')}
        extra={
          <Button href={EXCHANGE_SCHEMA_URL} target="_blank">
            {t('exchange.schema')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" title={t('exchange.upload')}>
          <Upload.Dragger
            accept=".json,application/json"
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p>{t('exchange.uploadHint')}</p>
          </Upload.Dragger>
          {upload.isPending ? <PageLoader /> : null}
          {upload.error ? <ErrorAlert error={upload.error} /> : null}
          {upload.data ? (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              message={t(upload.data.created ? 'exchange.accepted' : 'exchange.alreadyReceived', {
                province: upload.data.submission.provinceName,
                period: upload.data.submission.period,
                version: upload.data.submission.signedVersionNo,
              })}
            />
          ) : null}
        </Card>
        <Card size="small" title={t('exchange.received')}>
          {submissions.error ? <ErrorAlert error={submissions.error} /> : null}
          <Table<ExchangeSubmissionSummary>
            size="small"
            rowKey="id"
            loading={submissions.isPending}
            dataSource={submissions.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('exchange.empty') }}
            columns={[
              { title: t('exchange.province'), dataIndex: 'provinceName' },
              { title: t('exchange.period'), dataIndex: 'period' },
              { title: t('exchange.version'), dataIndex: 'signedVersionNo', width: 90 },
              {
                title: t('exchange.signedAt'),
                dataIndex: 'signedAt',
                render: (v: string) => format.dateTime(v),
              },
              {
                title: t('exchange.clusters'),
                dataIndex: 'zoneCount',
                render: (v: number) => format.number(v),
              },
              {
                title: t('exchange.importedAt'),
                dataIndex: 'importedAt',
                render: (v: string) => format.dateTime(v),
              },
              {
                title: '',
                key: 'open',
                render: (_, row) => (
                  <Button size="small" onClick={() => setOpen(row.id)}>
                    {t('exchange.items')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
      <SubmissionDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function SubmissionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const submission = useExchangeSubmission(id);
  const data = submission.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={t('exchange.items')}>
      {submission.isPending && id ? <PageLoader /> : null}
      {submission.error ? <ErrorAlert error={submission.error} /> : null}
      {data ? (
        <>
          <Typography.Paragraph>
            {data.provinceName} · {data.period} · {t('exchange.version')} {data.signedVersionNo}
            {data.docNo ? ` · ${data.docNo}` : ''} · {data.signerTitle} {data.signerName} ·{' '}
            {format.dateTime(data.signedAt)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" copyable={{ text: data.checksum }}>
            SHA-256 {data.checksum.slice(0, 16)}…
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={data.items}
            columns={[
              { title: t('exchange.itemNo'), dataIndex: 'code', width: 70 },
              {
                title: t('exchange.item'),
                key: 'label',
                render: (_, item) => item.label[locale],
              },
              {
                title: t('exchange.value'),
                key: 'value',
                align: 'right',
                render: (_, item) => format.number(item.value, { maxFractionDigits: 4 }),
              },
              { title: t('exchange.unit'), dataIndex: 'unit', width: 110 },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
