import { DownloadOutlined, InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Progress,
  Radio,
  Result,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useContext, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ExportButtons } from '../../../components/data-table/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { ApiError } from '../../../lib/api';
import { useFormat, type Formatters } from '../../../lib/format';
import { useLocale, useT, type MessageKey, type Translate } from '../../../lib/i18n';
import { hasAnyPermission, SessionContext, useCurrentUser } from '../../../lib/session';
import {
  exportUrl,
  IMPORT_LISTS,
  useImportableLists,
  MAX_IMPORT_MB,
  templateUrl,
  uploadImport,
  type ImportEntity,
  type ImportError,
  type ImportProgress,
  type ImportResult,
} from '../api/import-api';
import { badRowCount, canCommit, progressPercent } from '../api/import-stream';
import { useFieldLabel, type RegistryFieldLabels } from './import-field-labels';

const LIST_LABELS: Record<ImportEntity, MessageKey> = {
  zones: 'import.list.zones',
  organisations: 'import.list.organisations',
  projects: 'import.list.projects',
  'investment-events': 'import.list.investmentEvents',
  obstacles: 'import.list.obstacles',
  'schedule-steps': 'import.list.scheduleSteps',
  inspections: 'import.list.inspections',
  'plan-targets': 'import.list.planTargets',
};

const LIST_HINTS: Record<ImportEntity, MessageKey> = {
  zones: 'import.listHint.zones',
  organisations: 'import.listHint.organisations',
  projects: 'import.listHint.projects',
  'investment-events': 'import.listHint.investmentEvents',
  obstacles: 'import.listHint.obstacles',
  'schedule-steps': 'import.listHint.scheduleSteps',
  inspections: 'import.listHint.inspections',
  'plan-targets': 'import.listHint.planTargets',
};

/** Where the imported records are listed afterwards. */
const LIST_PAGES: Record<ImportEntity, string> = {
  zones: '/zones',
  organisations: '/organisations',
  projects: '/projects',
  'investment-events': '/capital',
  obstacles: '/monitoring?tab=obstacles',
  'schedule-steps': '/zones',
  inspections: '/monitoring',
  'plan-targets': '/targets',
};

type Step =
  | { step: 'idle' }
  | { step: 'running'; file: File; mode: 'dry-run' | 'commit'; progress: ImportProgress }
  /** A dry run's result, or a commit the server refused on checking again (nothing written). */
  | { step: 'checked'; file: File; result: ImportResult; refused: boolean }
  | { step: 'committed'; file: File; result: ImportResult }
  | { step: 'failed'; file: File; error: unknown };

const megabytes = (bytes: number, format: Formatters) =>
  `${format.number(bytes / (1024 * 1024), { maxFractionDigits: 1 })} MB`;

/**
 * Nhập dữ liệu: a registry list from an Excel or CSV file. The file is uploaded with a progress bar and
 * checked first (nothing is written): counts of new, changed, unchanged and bad rows, and every problem by
 * row and column in Vietnamese. "Ghi dữ liệu" sends it again to be written all at once, only when no row is
 * bad. Templates and exports of each list are here too.
 */
export function ImportView({ fieldLabels }: { fieldLabels?: RegistryFieldLabels } = {}) {
  const t = useT();
  const format = useFormat();
  const user = useCurrentUser();
  const session = useContext(SessionContext);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const importable = useImportableLists();
  const lists = IMPORT_LISTS.filter(
    (list) =>
      hasAnyPermission(user, list.anyOf) &&
      (!importable.data || importable.data.entities.includes(list.entity)),
  );
  const chosen = lists.find((list) => list.entity === params.get('list')) ?? lists[0];
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  if (!chosen) return null;
  const entity = chosen.entity;

  function chooseList(next: ImportEntity) {
    running.current?.abort();
    setState({ step: 'idle' });
    setFileProblem(null);
    setParams(next === lists[0]?.entity ? {} : { list: next }, { replace: true });
  }

  function run(file: File, mode: 'dry-run' | 'commit') {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ step: 'running', file, mode, progress: { stage: 'upload', loaded: 0, total: file.size } });
    uploadImport({
      entity,
      file,
      mode,
      csrfToken: session?.csrfToken ?? null,
      signal: controller.signal,
      onProgress: (progress) =>
        setState((current) => (current.step === 'running' ? { ...current, progress } : current)),
    }).then(
      (result) => {
        if (controller.signal.aborted) return;
        if (mode === 'commit' && result.committed) {
          // Lists, details, maps and totals may all show imported rows.
          void queryClient.invalidateQueries();
          setState({ step: 'committed', file, result });
        } else {
          setState({ step: 'checked', file, result, refused: mode === 'commit' });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ step: 'failed', file, error });
      },
    );
  }

  function cancel() {
    running.current?.abort();
    setState({ step: 'idle' });
  }

  /** Checked here first so a wrong file is named at once, without uploading it. */
  function choose(file: File) {
    setFileProblem(null);
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      setFileProblem(t('import.badType', { name: file.name }));
      return;
    }
    if (file.size > MAX_IMPORT_MB * 1024 * 1024) {
      setFileProblem(
        t('import.tooLarge', { name: file.name, size: megabytes(file.size, format), mb: MAX_IMPORT_MB }),
      );
      return;
    }
    run(file, 'dry-run');
  }

  const busy = state.step === 'running';

  return (
    <div data-testid="import-view">
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Flex vertical gap={16}>
        <Card title={t('import.step.list')} size="small">
          <Flex vertical gap={12}>
            <Radio.Group
              value={entity}
              onChange={(event) => chooseList(event.target.value as ImportEntity)}
              optionType="button"
              buttonStyle="solid"
              disabled={busy}
              data-testid="import-list"
              options={lists.map((list) => ({ value: list.entity, label: t(LIST_LABELS[list.entity]) }))}
            />
            <Typography.Text type="secondary">{t(LIST_HINTS[entity])}</Typography.Text>
            <Flex gap={24} wrap align="flex-start">
              <Flex vertical gap={4} align="flex-start">
                <Button
                  icon={<DownloadOutlined aria-hidden />}
                  href={templateUrl(entity)}
                  data-testid="import-template"
                >
                  {t('import.template')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 360 }}>
                  {t('import.templateHint')}
                </Typography.Text>
              </Flex>
              <Flex vertical gap={4}>
                <ExportButtons
                  size="middle"
                  exports={chosen.exports.map((fmt) => ({ format: fmt, href: exportUrl(entity, fmt) }))}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 420 }}>
                  {t('import.exportHint')}
                </Typography.Text>
              </Flex>
            </Flex>
          </Flex>
        </Card>

        <Card title={t('import.step.file')} size="small">
          <Flex vertical gap={12}>
            {state.step === 'running' ? (
              <RunningUpload state={state} onCancel={cancel} />
            ) : (
              <Upload.Dragger
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                multiple={false}
                showUploadList={false}
                beforeUpload={(file) => {
                  choose(file);
                  return Upload.LIST_IGNORE;
                }}
                data-testid="import-file"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">{t('import.drop')}</p>
                <p className="ant-upload-hint">{t('import.dropHint', { mb: MAX_IMPORT_MB })}</p>
              </Upload.Dragger>
            )}
            {fileProblem ? <Alert type="error" showIcon role="alert" title={fileProblem} /> : null}
            {state.step === 'failed' ? <UploadFailure error={state.error} /> : null}
          </Flex>
        </Card>

        {state.step === 'checked' ? (
          <CheckedFile
            entity={entity}
            fieldLabels={fieldLabels}
            file={state.file}
            result={state.result}
            refused={state.refused}
            onCommit={() => run(state.file, 'commit')}
            onAgain={() => setState({ step: 'idle' })}
          />
        ) : null}
        {state.step === 'committed' ? (
          <Committed entity={entity} result={state.result} onAgain={() => setState({ step: 'idle' })} />
        ) : null}
      </Flex>
    </div>
  );
}

function stageText(state: Extract<Step, { step: 'running' }>, t: Translate, format: Formatters): string {
  const { progress } = state;
  if (progress.stage === 'upload') {
    return t('import.stage.upload', {
      loaded: megabytes(progress.loaded, format),
      total: megabytes(progress.total, format),
    });
  }
  if (progress.stage === 'read') return t('import.stage.read');
  // A commit checks every row again before writing: its total counts each row twice.
  const rows = state.mode === 'commit' ? Math.round(progress.total / 2) : progress.total;
  const done = progress.stage === 'write' ? progress.done - rows : progress.done;
  return t(progress.stage === 'write' ? 'import.stage.write' : 'import.stage.validate', {
    done: format.number(Math.max(0, done)),
    rows: format.number(rows),
  });
}

function RunningUpload({
  state,
  onCancel,
}: {
  state: Extract<Step, { step: 'running' }>;
  onCancel: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const percent = progressPercent(state.progress);
  // Once a commit's file is on the server, closing the connection would not stop the writing: no cancel then.
  const cancellable = state.mode === 'dry-run' || state.progress.stage === 'upload';
  return (
    <Flex vertical gap={8} data-testid="import-progress" aria-live="polite">
      <Typography.Text strong>
        {t(state.mode === 'commit' ? 'import.committing' : 'import.checking', { name: state.file.name })}
      </Typography.Text>
      <Flex align="center" gap={12}>
        {percent === null ? (
          <Spin indicator={<LoadingOutlined spin aria-hidden />} />
        ) : (
          <Progress
            percent={percent}
            status="active"
            style={{ flex: 1, margin: 0 }}
            aria-label={stageText(state, t, format)}
          />
        )}
        {cancellable ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
      </Flex>
      <Typography.Text type="secondary" data-testid="import-stage">
        {stageText(state, t, format)}
      </Typography.Text>
    </Flex>
  );
}

/** A refused upload: the server's message, with its messages about the file (size, type) spelled out. */
function UploadFailure({ error }: { error: unknown }) {
  const fields = error instanceof ApiError ? Object.values(error.fieldErrors) : [];
  return (
    <ErrorAlert
      error={error}
      details={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {fields.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

function Counts({ result, committed }: { result: ImportResult; committed: boolean }) {
  const t = useT();
  const format = useFormat();
  const bad = badRowCount(result.errors);
  const items: { key: string; label: MessageKey; value: number; color?: string }[] = [
    { key: 'rows', label: 'import.count.rows', value: result.rows },
    {
      key: 'create',
      label: committed ? 'import.count.created' : 'import.count.create',
      value: result.toCreate,
    },
    {
      key: 'update',
      label: committed ? 'import.count.updated' : 'import.count.update',
      value: result.toUpdate,
    },
    { key: 'unchanged', label: 'import.count.unchanged', value: result.unchanged },
  ];
  if (!committed) {
    items.push({ key: 'bad', label: 'import.count.bad', value: bad, ...(bad ? { color: '#cf1322' } : {}) });
  }
  return (
    <Flex gap={32} wrap justify={committed ? 'center' : 'flex-start'} data-testid="import-counts">
      {items.map((item) => (
        <div key={item.key} data-testid={`import-count-${item.key}`}>
          <Statistic
            title={t(item.label)}
            valueRender={() => (
              <span style={item.color ? { color: item.color } : undefined}>{format.number(item.value)}</span>
            )}
          />
        </div>
      ))}
    </Flex>
  );
}

function CheckedFile({
  entity,
  fieldLabels,
  file,
  result,
  refused,
  onCommit,
  onAgain,
}: {
  entity: ImportEntity;
  fieldLabels: RegistryFieldLabels | undefined;
  file: File;
  result: ImportResult;
  refused: boolean;
  onCommit: () => void;
  onAgain: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const fieldLabel = useFieldLabel(entity, fieldLabels);
  const bad = badRowCount(result.errors);
  const ready = canCommit(result);

  const errorColumns: TableColumnsType<ImportError & { index: number }> = [
    {
      title: t('import.errors.row'),
      dataIndex: 'row',
      width: 90,
      render: (row: number) => format.number(row),
    },
    {
      title: t('import.errors.field'),
      dataIndex: 'field',
      width: 240,
      render: (field: string | null) =>
        field ?? <Typography.Text type="secondary">{t('import.errors.noField')}</Typography.Text>,
    },
    {
      title: t('import.errors.message'),
      key: 'message',
      render: (_value, error) => error.text ?? error.message.vi,
    },
  ];
  const changeColumns: TableColumnsType<ImportResult['changes'][number]> = [
    {
      title: t('import.errors.row'),
      dataIndex: 'row',
      width: 90,
      render: (row: number) => format.number(row),
    },
    { title: t('import.changes.key'), dataIndex: 'key', width: 220 },
    {
      title: t('import.changes.action'),
      dataIndex: 'action',
      width: 120,
      render: (action: 'create' | 'update') => (
        <Tag color={action === 'create' ? 'green' : 'blue'}>
          {t(action === 'create' ? 'import.action.create' : 'import.action.update')}
        </Tag>
      ),
    },
    {
      title: t('import.changes.fields'),
      dataIndex: 'fields',
      render: (fields: string[]) => (fields.length ? fields.map(fieldLabel).join(', ') : '—'),
    },
  ];

  return (
    <Card
      title={t('import.step.result', { name: file.name })}
      size="small"
      data-testid="import-result"
      extra={
        <Typography.Text type="secondary">
          {t('import.duration', {
            seconds: format.number(result.durationMs / 1000, { maxFractionDigits: 2 }),
          })}
        </Typography.Text>
      }
    >
      <Flex vertical gap={16}>
        <Counts result={result} committed={false} />
        {refused ? <Alert type="warning" showIcon role="alert" title={t('import.refused')} /> : null}
        {bad > 0 ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('import.hasErrors', { count: format.number(bad) })}
          />
        ) : ready ? (
          <Alert
            type="success"
            showIcon
            title={t('import.ready', {
              create: format.number(result.toCreate),
              update: format.number(result.toUpdate),
            })}
          />
        ) : (
          <Alert type="info" showIcon title={t('import.nothingToWrite')} data-testid="import-nothing" />
        )}
        <Flex gap={8} wrap>
          <Button type="primary" disabled={!ready} onClick={onCommit} data-testid="import-commit">
            {t('import.commit')}
          </Button>
          <Button onClick={onAgain}>{t('import.again')}</Button>
        </Flex>
        {result.errors.length > 0 ? (
          <div>
            <Typography.Title level={5}>{t('import.errors.title')}</Typography.Title>
            <Table
              data-testid="import-errors"
              size="small"
              rowKey="index"
              columns={errorColumns}
              dataSource={result.errors.map((error, index) => ({ ...error, index }))}
              pagination={{
                defaultPageSize: 20,
                hideOnSinglePage: true,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100],
                showTotal: (total) => t('import.errors.total', { total: format.number(total) }),
              }}
            />
          </div>
        ) : null}
        {result.changes.length > 0 && result.errors.length === 0 ? (
          <div>
            <Typography.Title level={5}>
              {t('import.changes.title', { count: format.number(result.changes.length) })}
            </Typography.Title>
            <Table
              data-testid="import-changes"
              size="small"
              rowKey="row"
              columns={changeColumns}
              dataSource={result.changes}
              pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
            />
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}

function Committed({
  entity,
  result,
  onAgain,
}: {
  entity: ImportEntity;
  result: ImportResult;
  onAgain: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  return (
    <Card size="small" data-testid="import-committed">
      <Result
        status="success"
        title={t('import.committed.title')}
        subTitle={<Counts result={result} committed />}
        extra={[
          <Button
            key="list"
            type="primary"
            onClick={() => void navigate(LIST_PAGES[entity])}
            data-testid="import-open-list"
          >
            {t('import.openList', { list: t(LIST_LABELS[entity]).toLocaleLowerCase(locale) })}
          </Button>,
          <Button key="again" onClick={onAgain}>
            {t('import.again')}
          </Button>,
        ]}
      />
    </Card>
  );
}
