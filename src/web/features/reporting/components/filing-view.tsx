import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formTerms, formVersion as formVersionOf } from '../../../../domain/reporting/catalogue';
import type { FormVersion } from '../../../../domain/reporting/form-types';
import { parsePeriod } from '../../../../domain/reporting/periods';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { PATHS } from '../../../lib/paths';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import {
  filingExportUrl,
  useFiling,
  useFilings,
  type FilingDetail,
  type FilingRevision,
} from '../api/reporting-api';
import { FILING_STATUS_COLORS, filingStatusKey, formOf, isFormCode, periodLabel } from './reporting-labels';
import { FilingWorkbookCard } from './filing-workbook-card';
import { filingPagePath } from './reporting-paths';
import { FilingItemsTable } from './filing-items-table';
import { RevisionHistory } from './filing-revisions';
import { useFilingEditor, type NewFiling } from './use-filing-editor';

export type { NewFiling } from './use-filing-editor';

/** The form a revision was entered against; the version in force for the period when there is none yet. */
function revisionForm(formCode: string, period: string, revision: FilingRevision | undefined) {
  if (revision && isFormCode(formCode)) {
    const form = formVersionOf(formCode, revision.formVersion);
    if (form) return form;
  }
  return formOf(formCode, period);
}

/** A filing by id (`/reports/filings/:id`). */
export function FilingView({ id }: { id: string }) {
  const t = useT();
  const filing = useFiling(id);
  if (filing.isPending) return <PageLoader />;
  if (filing.error) return <ErrorAlert error={filing.error} />;
  const detail = filing.data;
  const last = detail.revisions[detail.revisions.length - 1];
  const form = revisionForm(detail.formCode, detail.period, last);
  if (!form) return <Alert type="error" title={t('reports.filing.unknownForm')} />;
  return (
    <FilingEditor
      key={`${detail.id}:${detail.version}`}
      form={form}
      target={{
        formCode: detail.formCode,
        period: detail.period,
        kind: detail.reporter.kind === 'zone' ? 'zone' : 'project',
        code: detail.reporter.code,
      }}
      detail={detail}
      onReload={() => void filing.refetch()}
    />
  );
}

/**
 * A report not started yet (`/reports/filings/new?formCode=&period=&kind=&code=`): opens the reporter's
 * existing filing of that form and period when there is one, otherwise an empty form; the first save creates it.
 */
export function NewFilingView({ target }: { target: NewFiling }) {
  const t = useT();
  const navigate = useNavigate();
  const existing = useFilings({
    period: target.period,
    formCode: target.formCode,
    page: 1,
    pageSize: 500,
  });
  const match = existing.data?.items.find(
    (f) => f.reporter.kind === target.kind && f.reporter.code === target.code,
  );
  useEffect(() => {
    if (match) void navigate(filingPagePath(match.id), { replace: true });
  }, [match, navigate]);
  const form = formOf(target.formCode, target.period);
  if (!form || !parsePeriod(target.period))
    return <Alert type="error" title={t('reports.filing.unknownForm')} />;
  if (existing.isPending || match) return <PageLoader />;
  return <FilingEditor form={form} target={target} detail={null} onReload={() => void existing.refetch()} />;
}

function FilingEditor({
  form,
  target,
  detail,
  onReload,
}: {
  form: FormVersion;
  target: NewFiling;
  detail: FilingDetail | null;
  onReload: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const editor = useFilingEditor({ form, target, detail });
  const { serverErrors, failure, conflict, returning, setReturning, save, act, busy } = editor;
  const { canFile, editable, canReview, previous, onSave, onReview } = editor;

  return (
    <>
      <PageHeader
        title={`${form.shortTitle[locale]} — ${periodLabel(target.period, locale)}`}
        subtitle={form.title[locale]}
        extra={
          <Space wrap>
            <Link to={PATHS.reports}>
              <Button>{t('reports.backToList')}</Button>
            </Link>
            {detail ? (
              <Button icon={<DownloadOutlined aria-hidden />} href={filingExportUrl(detail.id, 'docx')}>
                {t('reports.download.docx')}
              </Button>
            ) : null}
            {detail ? (
              <Button
                icon={<DownloadOutlined aria-hidden />}
                href={filingExportUrl(detail.id, 'pdf')}
                data-testid="filing-pdf"
              >
                {t('reports.download.pdf')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            data-testid="filing-conflict"
            title={t('reports.conflict')}
            action={
              <Button size="small" onClick={onReload}>
                {t('reports.reload')}
              </Button>
            }
          />
        ) : null}
        {failure ? (
          <ErrorAlert
            error={failure}
            details={
              Object.keys(serverErrors).length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {Object.entries(serverErrors).map(([item, text]) => (
                    <li key={item}>{text}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('reports.col.reporter')}>
              {detail?.reporter.name ?? target.name ?? target.code} ({target.code})
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.col.status')}>
              {detail ? (
                <Space size={4} wrap>
                  <Tag color={FILING_STATUS_COLORS[detail.status]} data-testid="filing-status">
                    {t(filingStatusKey(detail.status))}
                  </Tag>
                  {detail.onTime === false ? <Tag color="error">{t('reports.late')}</Tag> : null}
                </Space>
              ) : (
                <Tag>{t('reports.filing.notStarted')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.col.due')}>
              {detail
                ? format.date(detail.dueAt)
                : isFormCode(target.formCode)
                  ? format.date(formTerms(target.formCode, target.period)?.terms.dueDate ?? null)
                  : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.filing.formVersion')}>
              {form.legalBasis} · {form.version}
            </Descriptions.Item>
            {previous ? (
              <Descriptions.Item label={t('reports.filing.comparedWith')}>{previous.label}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {detail?.status === 'returned' && lastReason(detail) ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              data-testid="return-reason"
              title={t('reports.filing.returnedBecause')}
              description={lastReason(detail)}
            />
          ) : null}
        </Card>
        <Card size="small">
          <FilingItemsTable form={form} editor={editor} />
          <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 16 }}>
            {editable ? (
              <>
                <Button
                  onClick={() => void onSave(false)}
                  loading={save.isPending && !act.isPending}
                  disabled={busy}
                >
                  {t('reports.filing.saveDraft')}
                </Button>
                <Button
                  type="primary"
                  onClick={() => void onSave(true)}
                  loading={act.isPending}
                  disabled={busy}
                >
                  {t('reports.filing.submit')}
                </Button>
              </>
            ) : null}
            {canReview ? (
              <>
                <Button danger onClick={() => setReturning(true)} disabled={busy}>
                  {t('reports.filing.return')}
                </Button>
                <Button
                  type="primary"
                  disabled={busy}
                  onClick={() =>
                    Modal.confirm({
                      title: t('reports.filing.acceptConfirm'),
                      okText: t('reports.filing.accept'),
                      cancelText: t('common.cancel'),
                      onOk: () => onReview('accept'),
                    })
                  }
                >
                  {t('reports.filing.accept')}
                </Button>
              </>
            ) : null}
          </Flex>
        </Card>
        {canFile ? (
          <FilingWorkbookCard
            target={{
              formCode: target.formCode,
              period: target.period,
              kind: target.kind,
              code: target.code,
            }}
            isNew={!detail}
            editable={editable}
          />
        ) : null}
        {detail && detail.revisions.length > 0 ? <RevisionHistory form={form} detail={detail} /> : null}
      </Flex>
      <ReturnModal
        open={returning}
        busy={act.isPending}
        onCancel={() => setReturning(false)}
        onReturn={(reason) => void onReview('return', reason)}
      />
    </>
  );
}

function lastReason(detail: FilingDetail): string | null {
  for (let i = detail.revisions.length - 1; i >= 0; i--) {
    const reason = detail.revisions[i]?.returnReason;
    if (reason) return reason;
  }
  return null;
}

function ReturnModal({
  open,
  busy,
  onCancel,
  onReturn,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onReturn: (reason: string) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const empty = reason.trim() === '';
  return (
    <Modal
      open={open}
      title={t('reports.filing.returnTitle')}
      okText={t('reports.filing.return')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      destroyOnHidden
      onOk={() => {
        setTouched(true);
        if (!empty) onReturn(reason.trim());
      }}
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('reports.filing.returnReason')}
          required
          validateStatus={touched && empty ? 'error' : undefined}
          help={touched && empty ? t('reports.filing.reasonRequired') : undefined}
        >
          <Input.TextArea
            data-testid="return-reason-input"
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
