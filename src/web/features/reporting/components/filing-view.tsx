import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formTerms, formVersion as formVersionOf } from '../../../../domain/reporting/catalogue';
import type { FormItem, FormVersion } from '../../../../domain/reporting/form-types';
import { indicatorOf } from '../../../../domain/reporting/indicators';
import { comparisonPeriod, formatPeriod, parsePeriod, periodId } from '../../../../domain/reporting/periods';
import {
  compareWithPrevious,
  unexplainedOutliers,
  validateFiling,
  type FieldError,
  type FilingValues,
} from '../../../../domain/reporting/validation';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { NumberInput } from '../../../components/ui/number-input';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { PATHS } from '../../../app/paths';
import { ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { hasPermission, useCurrentUser } from '../../auth/api/session';
import {
  filingExportUrl,
  useFiling,
  useFilingAction,
  useFilings,
  useSaveDraft,
  type FilingDetail,
  type FilingRevision,
} from '../api/reporting-api';
import {
  FILING_STATUS_COLORS,
  filingStatusKey,
  formOf,
  isFormCode,
  periodLabel,
  unitKey,
} from './reporting-labels';
import { FilingWorkbookCard } from './filing-workbook-card';
import { filingPagePath } from './reporting-paths';

export type NewFiling = {
  formCode: string;
  period: string;
  kind: 'project' | 'zone';
  code: string;
  /** The reporter's name, when the link that opened the form knew it. */
  name?: string | undefined;
};

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

/** Values of the latest revision of the comparison period's accepted filing of the same reporter. */
function usePreviousValues(
  form: FormVersion,
  target: NewFiling,
): { values: FilingValues; label: string } | null {
  const locale = useLocale();
  const parsed = parsePeriod(target.period);
  const previousPeriod = parsed ? periodId(comparisonPeriod(parsed, form.comparison)) : target.period;
  const list = useFilings({ period: previousPeriod, formCode: target.formCode, page: 1, pageSize: 500 });
  const match = list.data?.items.find(
    (f) => f.reporter.kind === target.kind && f.reporter.code === target.code && f.acceptedRevision !== null,
  );
  const previous = useFiling(match?.id ?? null);
  const accepted = previous.data?.revisions.find((r) => r.revisionNo === previous.data?.acceptedRevision);
  if (!accepted) return null;
  return { values: accepted.values, label: formatPeriod(previousPeriod, locale) };
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
  const navigate = useNavigate();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const last = detail?.revisions[detail.revisions.length - 1];
  const [values, setValues] = useState<FilingValues>(() => ({ ...(last?.values ?? {}) }));
  const [explanations, setExplanations] = useState<Record<string, string>>(() => ({
    ...(last?.explanations ?? {}),
  }));
  const [mode, setMode] = useState<'draft' | 'submit'>('draft');
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [returning, setReturning] = useState(false);
  const save = useSaveDraft();
  const act = useFilingAction();
  const busy = save.isPending || act.isPending;

  const canFile = detail ? detail.canFile : hasPermission(user, 'report.file');
  const editable = canFile && (!detail || detail.status !== 'submitted');
  const canReview = detail?.canReview === true && detail.status === 'submitted';

  const previous = usePreviousValues(form, target);
  const outliers = useMemo(
    () =>
      compareWithPrevious(form, values, previous?.values ?? null, {
        explanations,
        previousLabel: previous ? { vi: previous.label, en: previous.label } : undefined,
      }),
    [form, values, previous, explanations],
  );
  const clientErrors = useMemo(() => {
    const errors = validateFiling(form, values, {}, mode);
    return mode === 'submit' ? [...errors, ...unexplainedOutliers(outliers)] : errors;
  }, [form, values, mode, outliers]);
  const errorsByItem = useMemo(() => {
    const map = new Map<string, FieldError[]>();
    for (const e of clientErrors) map.set(e.item, [...(map.get(e.item) ?? []), e]);
    return map;
  }, [clientErrors]);
  const explain = new Set<string>([
    ...outliers.map((o) => o.item),
    ...Object.keys(serverErrors),
    ...Object.keys(explanations).filter((k) => explanations[k]),
  ]);

  function handleError(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      setConflict(true);
      return;
    }
    if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
      setServerErrors(error.fieldErrors);
    }
    setFailure(error);
  }

  const body = () => ({
    formCode: target.formCode,
    period: target.period,
    reporter: { kind: target.kind, code: target.code },
    values: Object.fromEntries(form.items.map((i) => [i.indicator, values[i.indicator] ?? null])),
    explanations: Object.fromEntries(Object.entries(explanations).filter(([, text]) => text.trim() !== '')),
    ...(detail ? { version: detail.version } : {}),
  });

  async function onSave(submit: boolean) {
    setFailure(null);
    setServerErrors({});
    const checkMode = submit ? 'submit' : 'draft';
    setMode(checkMode);
    const errors = validateFiling(form, values, {}, checkMode).concat(
      submit ? unexplainedOutliers(outliers) : [],
    );
    if (errors.some((e) => e.severity === 'error')) {
      void message.error(t('reports.filing.fixErrors'));
      return;
    }
    try {
      const saved = await save.mutateAsync(body());
      const result = submit
        ? await act.mutateAsync({ action: 'submit', id: saved.id, version: saved.version })
        : saved;
      void message.success(submit ? t('reports.filing.submitted') : t('reports.filing.saved'));
      if (!detail) void navigate(filingPagePath(result.id), { replace: true });
    } catch (error) {
      handleError(error);
    }
  }

  async function onReview(action: 'accept' | 'return', reason = '') {
    if (!detail) return;
    setFailure(null);
    try {
      await act.mutateAsync(
        action === 'accept'
          ? { action, id: detail.id, version: detail.version }
          : { action, id: detail.id, version: detail.version, reason },
      );
      setReturning(false);
      void message.success(action === 'accept' ? t('reports.filing.accepted') : t('reports.filing.returned'));
    } catch (error) {
      setReturning(false);
      handleError(error);
    }
  }

  const columns: TableColumnsType<FormItem> = [
    { title: t('reports.col.no'), dataIndex: 'no', width: 60 },
    {
      title: t('reports.col.item'),
      key: 'label',
      render: (_, item) => {
        const name = item.label ?? indicatorOf(item.indicator).name;
        return (
          <>
            {name[locale]}
            {item.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
            {locale === 'vi' ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {name.en}
                </Typography.Text>
              </div>
            ) : null}
          </>
        );
      },
    },
    {
      title: t('reports.col.unit'),
      key: 'unit',
      width: 130,
      render: (_, item) => t(unitKey(indicatorOf(item.indicator).unit)),
    },
    {
      title: t('reports.col.value'),
      key: 'value',
      width: 340,
      render: (_, item) => (
        <ItemInput
          item={item}
          value={values[item.indicator] ?? null}
          editable={editable}
          errors={errorsByItem.get(item.indicator) ?? []}
          serverError={serverErrors[item.indicator]}
          previous={previous?.values[item.indicator] ?? null}
          explain={explain.has(item.indicator)}
          explanation={explanations[item.indicator] ?? ''}
          outlierText={outliers.find((o) => o.item === item.indicator)?.message[locale]}
          onChange={(value) => setValues((v) => ({ ...v, [item.indicator]: value }))}
          onExplain={(text) => setExplanations((e) => ({ ...e, [item.indicator]: text }))}
        />
      ),
    },
  ];

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
                <Space size={4}>
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
          <Form layout="vertical" component="div">
            <Table<FormItem>
              size="small"
              rowKey="indicator"
              pagination={false}
              dataSource={[...form.items]}
              columns={columns}
            />
          </Form>
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

function ItemInput({
  item,
  value,
  editable,
  errors,
  serverError,
  previous,
  explain,
  explanation,
  outlierText,
  onChange,
  onExplain,
}: {
  item: FormItem;
  value: number | null;
  editable: boolean;
  errors: FieldError[];
  serverError: string | undefined;
  previous: number | null;
  explain: boolean;
  explanation: string;
  outlierText: string | undefined;
  onChange: (value: number | null) => void;
  onExplain: (text: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const indicator = indicatorOf(item.indicator);
  const blocking = errors.filter((e) => e.severity === 'error');
  const messages = [...errors.map((e) => e.message[locale]), ...(serverError ? [serverError] : [])];
  const status = blocking.length > 0 || serverError ? 'error' : errors.length > 0 ? 'warning' : undefined;
  const label = `${item.no}. ${(item.label ?? indicator.name)[locale]}`;
  return (
    <>
      <Form.Item
        style={{ marginBottom: 0 }}
        validateStatus={status}
        help={messages.length > 0 ? messages.join(' ') : undefined}
        extra={
          previous !== null
            ? t('reports.filing.previousValue', { value: format.number(previous, { maxFractionDigits: 4 }) })
            : undefined
        }
      >
        {indicator.valueType === 'flag' ? (
          <Select
            aria-label={label}
            data-testid={`item-${item.indicator}`}
            disabled={!editable}
            allowClear
            value={value ?? undefined}
            options={[
              { value: 1, label: t('reports.flag.yes') },
              { value: 0, label: t('reports.flag.no') },
            ]}
            onChange={(v: number | undefined) => onChange(v ?? null)}
            style={{ width: '100%' }}
          />
        ) : (
          <NumberInput
            aria-label={label}
            data-testid={`item-${item.indicator}`}
            disabled={!editable}
            value={value}
            maxFractionDigits={indicator.decimals}
            onChange={(v) =>
              onChange(typeof v === 'number' && !Number.isNaN(v) ? v : v === null ? null : Number.NaN)
            }
          />
        )}
      </Form.Item>
      {explain ? (
        <Form.Item
          style={{ marginTop: 8, marginBottom: 0 }}
          label={t('reports.filing.explanation')}
          extra={errors.some((e) => e.rule === 'outlier_unexplained') ? undefined : outlierText}
        >
          <Input.TextArea
            aria-label={`${t('reports.filing.explanation')} ${item.no}`}
            data-testid={`explain-${item.indicator}`}
            disabled={!editable}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            value={explanation}
            onChange={(e) => onExplain(e.target.value)}
          />
        </Form.Item>
      ) : null}
    </>
  );
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

/** Every revision side by side: columns are revisions, rows are items; a changed figure is highlighted. */
function RevisionHistory({ form, detail }: { form: FormVersion; detail: FilingDetail }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const revisions = detail.revisions;
  const show = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : format.number(value, { maxFractionDigits: 4 });
  const columns: TableColumnsType<FormItem> = [
    { title: t('reports.col.no'), dataIndex: 'no', width: 60, fixed: 'left' },
    {
      title: t('reports.col.item'),
      key: 'label',
      width: 260,
      fixed: 'left',
      render: (_, item) => (item.label ?? indicatorOf(item.indicator).name)[locale],
    },
    ...revisions.map((rev, index) => ({
      key: `r${rev.revisionNo}`,
      align: 'right' as const,
      width: 170,
      title: (
        <Flex vertical gap={2} align="flex-end">
          <span>{t('reports.revision', { no: rev.revisionNo })}</span>
          <Tag color={FILING_STATUS_COLORS[rev.state]} style={{ marginInlineEnd: 0 }}>
            {t(filingStatusKey(rev.state))}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {format.dateTime(rev.submittedAt ?? rev.updatedAt)}
          </Typography.Text>
        </Flex>
      ),
      onCell: (item: FormItem) => {
        const before = index > 0 ? revisions[index - 1]?.values[item.indicator] : undefined;
        const changed = index > 0 && (before ?? null) !== (rev.values[item.indicator] ?? null);
        return changed
          ? { style: { background: 'var(--ant-color-warning-bg, #fffbe6)', fontWeight: 600 } }
          : {};
      },
      render: (_: unknown, item: FormItem) => show(rev.values[item.indicator]),
    })),
  ];
  const reasons = revisions.filter((r) => r.returnReason);
  return (
    <Card size="small" title={t('reports.revisions.title')} data-testid="revisions">
      {reasons.length > 0 ? (
        <ul style={{ marginTop: 0 }}>
          {reasons.map((r) => (
            <li key={r.revisionNo}>
              <Typography.Text strong>{t('reports.revision', { no: r.revisionNo })}:</Typography.Text>{' '}
              {t('reports.revisions.returned')} — {r.returnReason}
            </li>
          ))}
        </ul>
      ) : null}
      {revisions.length > 0 ? (
        <Table<FormItem>
          size="small"
          rowKey="indicator"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...form.items]}
          columns={columns}
        />
      ) : (
        <Empty />
      )}
    </Card>
  );
}
