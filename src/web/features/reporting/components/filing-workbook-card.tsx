import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ApiError } from '../../../lib/api';
import { useLocale, useT } from '../../../lib/i18n';
import { filingWorkbookUrl, useUploadFilingWorkbook, type WorkbookTarget } from '../api/filing-workbook-api';
import { filingPagePath } from './reporting-paths';

/** A problem of an upload as the server sends it (messages already in the client's language). */
export type ShownProblem = {
  sheet: string;
  row: number | null;
  field: string | null;
  item: string | null;
  message: string;
  severity: 'error' | 'warning';
};

/** The problems of a failed upload (`details.errors`), if the failure carries them. */
export function problemsOf(error: unknown): ShownProblem[] {
  if (!(error instanceof ApiError)) return [];
  const errors = error.details?.['errors'];
  return Array.isArray(errors) ? (errors as ShownProblem[]) : [];
}

/** A problem's message without its leading "Dòng 13: " / "Row 13: " (shown beside its row number). */
export const withoutRow = (message: string) => message.replace(/^(Dòng|Row) \d+: /, '');

export function ProblemTable({ problems }: { problems: ShownProblem[] }) {
  const t = useT();
  const columns: TableColumnsType<ShownProblem> = [
    {
      title: t('reports.workbook.colRow'),
      dataIndex: 'row',
      width: 70,
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('reports.workbook.colItem'),
      dataIndex: 'item',
      width: 70,
      render: (v: string | null) => v ?? '—',
    },
    // The row has its own column: the message's own "Dòng 13:" is not repeated.
    { title: t('reports.workbook.colProblem'), dataIndex: 'message', render: (v: string) => withoutRow(v) },
  ];
  return (
    <Table<ShownProblem>
      size="small"
      data-testid="workbook-problems"
      rowKey={(p, i) => `${p.row ?? ''}:${p.field ?? ''}:${i ?? 0}`}
      pagination={false}
      dataSource={problems}
      columns={columns}
    />
  );
}

/**
 * On the filing page: download this report as the form's Excel workbook, and upload it back filled in — saved
 * as the draft (optionally submitted) after the same checks as the form; problems listed by row and item.
 */
export function FilingWorkbookCard({
  target,
  isNew,
  editable,
}: {
  target: WorkbookTarget;
  isNew: boolean;
  editable: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const upload = useUploadFilingWorkbook(target);
  const [file, setFile] = useState<File | null>(null);
  const [submit, setSubmit] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const problems = problemsOf(failure);
  const errors = problems.filter((p) => p.severity === 'error');

  async function onUpload() {
    if (!file) return;
    setFailure(null);
    try {
      const result = await upload.mutateAsync({ file, submit });
      const revision = result.filing.currentRevision;
      if (!result.changed && !result.submitted) void message.info(t('reports.workbook.unchanged'));
      else
        void message.success(
          result.submitted
            ? t('reports.workbook.savedSubmitted', { revision })
            : t('reports.workbook.savedDraft', { revision }),
        );
      for (const w of result.warnings) void message.warning(w.message[locale]);
      setFile(null);
      if (isNew) void navigate(filingPagePath(result.filing.id), { replace: true });
    } catch (error) {
      setFailure(error);
    }
  }

  const fileList: UploadFile[] = file
    ? [{ uid: 'workbook', name: file.name, status: 'done', originFileObj: file as never }]
    : [];

  return (
    <Card size="small" title={t('reports.workbook.cardTitle')} data-testid="filing-workbook">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('reports.workbook.cardHint')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={filingWorkbookUrl(target)}
            data-testid="workbook-download"
          >
            {t('reports.workbook.download')}
          </Button>
          {editable ? (
            <>
              <Upload
                accept=".xlsx"
                maxCount={1}
                fileList={fileList}
                beforeUpload={(f) => {
                  setFile(f);
                  setFailure(null);
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <Button icon={<UploadOutlined aria-hidden />} data-testid="workbook-choose">
                  {t('reports.workbook.chooseFile')}
                </Button>
              </Upload>
              <Checkbox checked={submit} onChange={(e) => setSubmit(e.target.checked)}>
                {t('reports.workbook.alsoSubmit')}
              </Checkbox>
              <Button
                type="primary"
                disabled={!file}
                loading={upload.isPending}
                onClick={() => void onUpload()}
                data-testid="workbook-upload"
              >
                {t('reports.workbook.upload')}
              </Button>
            </>
          ) : null}
        </Flex>
        {failure && errors.length > 0 ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('reports.workbook.problemsTitle', { count: errors.length })}
            description={<ProblemTable problems={problems} />}
          />
        ) : failure ? (
          <ErrorAlert
            error={failure}
            details={
              failure instanceof ApiError && Object.keys(failure.fieldErrors).length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {Object.entries(failure.fieldErrors).map(([field, text]) => (
                    <li key={field}>{text}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
      </Flex>
    </Card>
  );
}
