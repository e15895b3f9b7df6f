import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  Modal,
  Pagination,
  Space,
  Spin,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { registryFieldLabel } from '../../../../domain/reporting/registry-fields';
import { PATHS } from '../../../lib/paths';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { CountDefinitions } from './count-definitions';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { useFormat, type Formatters } from '../../../lib/format';
import { useLocale, useT, type Translate } from '../../../lib/i18n';
import {
  compilationExportUrl,
  useAnnotate,
  useCompilation,
  useCompilationItem,
  useSignedCompilation,
  type CompilationQuery,
  type CompilationView,
  type CompiledItem,
  type CompiledItemPage,
} from '../api/reporting-api';
import { exchangePackageUrl } from '../../../lib/paths';
import { formOf, periodLabel } from './reporting-labels';
import { SignModal } from './sign-modal';
import { filingPagePath } from './reporting-paths';
import {
  GapItem,
  ItemDrilldown,
  itemColumns,
  ProjectLink,
  SectionTables,
  SourceItem,
  ZoneLink,
  sectionGroups,
  str,
} from './report-drilldown';

/** A live item carries its figure and counts; a signed version's items carry their first records too. */
type Item = CompiledItem & Partial<Pick<CompiledItemPage['item'], 'sources' | 'gaps'>>;
type Row = Item & { key: string };

/** Records per page of an opened item. */
const DRILL_PAGE = 200;

function valueText(item: CompiledItem, format: Formatters): string {
  if (item.value === null) return '—';
  return format.number(item.value, { maxFractionDigits: item.unit === 'ha' ? 2 : 3 });
}

/** One record behind a figure: a link to the zone, the project or the filing, and what it contributed. */
function SourceLine({
  source,
  format,
  t,
}: {
  source: Record<string, unknown>;
  format: Formatters;
  t: Translate;
}) {
  const locale = useLocale();
  const kind = str(source, 'kind');
  const code = str(source, 'code');
  const id = str(source, 'id');
  let link: ReactNode = kind;
  if (kind === 'zone' && code) {
    link = (
      <>
        {t('reports.source.zone')} <ZoneLink code={code} />
        {str(source, 'field') ? (
          <Typography.Text type="secondary">
            {' '}
            ·{' '}
            {t('reports.source.registryField', { field: registryFieldLabel(str(source, 'field')!, locale) })}
          </Typography.Text>
        ) : null}
      </>
    );
  } else if (kind === 'project' && code) {
    link = (
      <>
        {t('reports.source.project')} <ProjectLink code={code} />
      </>
    );
  } else if (kind === 'filing' && id) {
    link = (
      <>
        <Link to={filingPagePath(id)}>
          {t('reports.source.filing', {
            form: str(source, 'formCode') ?? '',
            revision: str(source, 'revisionNo') ?? '',
          })}
        </Link>
        <Typography.Text type="secondary">
          {' '}
          ·{' '}
          {str(source, 'reporterKind') === 'zone'
            ? t('reports.source.developer')
            : t('reports.source.tenant')}
        </Typography.Text>
      </>
    );
  } else if (kind === 'capital') {
    link = t('reports.source.capital', {
      from: format.date(str(source, 'from')),
      to: format.date(str(source, 'to')),
    });
  }
  return (
    <SourceItem
      source={source}
      format={format}
      suffix={
        typeof source['weight'] === 'number' ? (
          <Typography.Text type="secondary">
            {' '}
            ({t('reports.source.weight')} {format.number(source['weight'], { maxFractionDigits: 4 })})
          </Typography.Text>
        ) : null
      }
    >
      {link}
    </SourceItem>
  );
}

/**
 * The missing reporter as people know it: a project by code, name and investor, a cluster by code and name
 * (the server adds them); the id's first characters only if the record is gone from the registry.
 */
function reporterLabel(gap: Record<string, unknown>): string {
  const code = str(gap, 'reporterCode');
  const name = str(gap, 'reporterName');
  if (!code && !name) return (str(gap, 'reporterId') ?? '').slice(0, 8);
  const investor = str(gap, 'investorName');
  return [[code, name].filter(Boolean).join(' '), investor].filter(Boolean).join(' — ');
}

function GapLine({ gap, t }: { gap: Record<string, unknown>; t: Translate }) {
  const locale = useLocale();
  const kind = str(gap, 'kind');
  let text: string;
  if (kind === 'filing_missing') {
    text = t('reports.gap.filing', {
      form: str(gap, 'formCode') ?? '',
      reporter:
        str(gap, 'reporterKind') === 'zone' ? t('reports.source.developer') : t('reports.source.tenant'),
      id: reporterLabel(gap),
      fallback:
        str(gap, 'fallback') === 'registry' ? t('reports.gap.registryUsed') : t('reports.gap.noFallback'),
    });
  } else if (kind === 'registry_missing') {
    text = t('reports.gap.registry', { field: registryFieldLabel(str(gap, 'field') ?? '', locale) });
  } else if (kind === 'exchange_rate_missing') {
    text = t('reports.gap.rate', { events: str(gap, 'events') ?? '' });
  } else text = kind ?? '';
  return <GapItem text={text} />;
}

/**
 * An opened item of the live report: its sources and gaps fetched a page at a time — the report itself sends
 * only the figures and counts, however many records stand behind them (Biểu 04: ~150,000 at national scale).
 */
function LiveDrilldown({
  query,
  no,
  render,
}: {
  query: CompilationQuery;
  no: string;
  render: (item: CompiledItemPage['item'], pager: ReactNode) => ReactNode;
}) {
  const [page, setPage] = useState(1);
  const opened = useCompilationItem(query, no, { offset: (page - 1) * DRILL_PAGE, limit: DRILL_PAGE });
  if (opened.error) return <ErrorAlert error={opened.error} />;
  if (!opened.data) return <Spin size="small" />;
  const { item } = opened.data;
  const total = Math.max(item.sourceCount, item.gapCount);
  const pager =
    total > DRILL_PAGE ? (
      <Pagination
        size="small"
        current={page}
        pageSize={DRILL_PAGE}
        total={total}
        showSizeChanger={false}
        onChange={setPage}
      />
    ) : null;
  return <>{render(item, pager)}</>;
}

function ItemsTable({
  view,
  items,
  annotations,
  editable,
  onAnnotate,
  query,
}: {
  view: Pick<CompilationView, 'report'>;
  items: readonly Item[];
  /** The live report's query: its items' records are fetched when opened (a signed version's come with it). */
  query?: CompilationQuery;
  annotations: Record<string, string>;
  editable: boolean;
  onAnnotate?: (no: string, text: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const form = formOf(view.report.formCode, view.report.period);
  const sections = form?.sections ?? [];
  const rows: Row[] = items.map((item) => ({ ...item, key: item.no }));
  const columns: TableColumnsType<Row> = [
    ...itemColumns<Row>({
      t,
      locale,
      form,
      noWidth: 70,
      gapText: (count) => t('reports.gaps', { count }),
      indent: (item) => (item.level === 1 ? 20 : 0),
    }),
    {
      title: t('reports.col.value'),
      key: 'value',
      width: 150,
      align: 'right',
      render: (_, item) => <Typography.Text strong>{valueText(item, format)}</Typography.Text>,
    },
    {
      title: t('reports.col.notes'),
      key: 'notes',
      width: 280,
      render: (_, item) =>
        editable && onAnnotate ? (
          <Input.TextArea
            aria-label={`${t('reports.col.notes')} ${item.no}`}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={4000}
            value={annotations[item.no] ?? ''}
            onChange={(e) => onAnnotate(item.no, e.target.value)}
          />
        ) : (
          (annotations[item.no] ?? '')
        ),
    },
  ];
  const groups =
    sections.length > 0 ? sectionGroups(rows, sections, locale) : [{ key: '-', title: '', rows }];
  return (
    <SectionTables<Row>
      groups={groups}
      columns={columns}
      drilldown={(row) => {
        const drill = (item: CompiledItemPage['item'], pager?: ReactNode) => (
          <ItemDrilldown
            item={item}
            sourcesShown={DRILL_PAGE}
            pager={pager ?? undefined}
            texts={{
              sources: (count) => t('reports.sources', { count }),
              moreSources: (count) => t('reports.moreSources', { count }),
              gaps: (count) => t('reports.gaps', { count }),
            }}
            renderSource={(s, i) => <SourceLine key={i} source={s} format={format} t={t} />}
            renderGap={(g, i) => <GapLine key={i} gap={g} t={t} />}
          />
        );
        if (row.sources && row.gaps) return drill({ ...row, sources: row.sources, gaps: row.gaps });
        if (!query) return null;
        return <LiveDrilldown query={query} no={row.no} render={drill} />;
      }}
    />
  );
}

/** Biểu 03 of a commune or Biểu 04 of the city: the figures with their sources, notes, sign-off and versions. */
export function CompiledView({ query }: { query: CompilationQuery }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { message } = App.useApp();
  const compilation = useCompilation(query);
  const annotate = useAnnotate(query);
  const [notes, setNotes] = useState<Record<string, string> | null>(null);
  const [signing, setSigning] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = formOf(query.formCode, query.period);
  const title = `${form?.shortTitle[locale] ?? query.formCode} — ${periodLabel(query.period, locale)}`;
  if (compilation.isPending) return <PageLoader />;
  if (compilation.error)
    return (
      <>
        <PageHeader title={title} />
        <ErrorAlert error={compilation.error} />
      </>
    );
  const view = compilation.data;
  const annotations = notes ?? view.annotations;
  const dirty = notes !== null;

  async function saveNotes() {
    if (!notes) return;
    try {
      await annotate.mutateAsync({ annotations: notes, version: view.draftVersion });
      setNotes(null);
      void message.success(t('reports.compiled.notesSaved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(true);
      else void message.error(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <PageHeader
        title={title}
        subtitle={`${view.scope.name} · ${form?.title[locale] ?? ''}`}
        extra={
          <Space wrap>
            <Link to={PATHS.reports}>
              <Button>{t('reports.backToList')}</Button>
            </Link>
            <Button icon={<DownloadOutlined aria-hidden />} href={compilationExportUrl(query, 'xlsx')}>
              {t('reports.download.xlsx')}
            </Button>
            <Button icon={<DownloadOutlined aria-hidden />} href={compilationExportUrl(query, 'docx')}>
              {t('reports.download.docx')}
            </Button>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              href={compilationExportUrl(query, 'pdf')}
              data-testid="compiled-pdf"
            >
              {t('reports.download.pdf')}
            </Button>
            {view.canSign ? (
              <Button type="primary" onClick={() => setSigning(true)} disabled={dirty}>
                {t('reports.compiled.sign')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <CountDefinitions scope={view.scope} />
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            title={t('reports.conflict')}
            action={
              <Button
                size="small"
                onClick={() => {
                  setConflict(false);
                  setNotes(null);
                  void compilation.refetch();
                }}
              >
                {t('reports.reload')}
              </Button>
            }
          />
        ) : null}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('reports.compiled.window')}>
              {format.date(view.report.window.start)} – {format.date(view.report.window.end)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.compiled.computedAt')}>
              {format.dateTime(view.computedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.filing.formVersion')}>
              {form?.legalBasis} · {view.report.formVersion}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          size="small"
          data-testid="compiled-items"
          extra={
            view.canSign ? (
              <Button
                type="primary"
                disabled={!dirty}
                loading={annotate.isPending}
                onClick={() => void saveNotes()}
              >
                {t('reports.compiled.saveNotes')}
              </Button>
            ) : null
          }
          title={t('reports.compiled.items')}
        >
          <ItemsTable
            view={view}
            query={query}
            items={view.report.items}
            annotations={annotations}
            editable={view.canSign}
            onAnnotate={(no, text) => setNotes({ ...annotations, [no]: text })}
          />
        </Card>
        <Card size="small" title={t('reports.compiled.signed')} data-testid="signed-versions">
          {view.signed.length === 0 ? (
            <Empty description={t('reports.compiled.noSigned')} />
          ) : (
            <Table
              size="small"
              rowKey="versionNo"
              pagination={false}
              dataSource={view.signed}
              columns={[
                { title: t('reports.compiled.versionNo'), dataIndex: 'versionNo', width: 90 },
                {
                  title: t('reports.compiled.docNo'),
                  dataIndex: 'docNo',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('reports.compiled.signer'),
                  key: 'signer',
                  render: (_, v) => [v.signerName, v.signerTitle].filter(Boolean).join(' — '),
                },
                {
                  title: t('reports.compiled.signedAt'),
                  dataIndex: 'signedAt',
                  render: (v: string) => format.dateTime(v),
                },
                {
                  title: '',
                  key: 'actions',
                  render: (_, v) => (
                    <Space>
                      <Button size="small" onClick={() => setViewing(v.versionNo)}>
                        {t('reports.compiled.view')}
                      </Button>
                      <Button size="small" href={compilationExportUrl(query, 'docx', v.versionNo)}>
                        DOCX
                      </Button>
                      <Button size="small" href={compilationExportUrl(query, 'xlsx', v.versionNo)}>
                        XLSX
                      </Button>
                      <Button size="small" href={compilationExportUrl(query, 'pdf', v.versionNo)}>
                        PDF
                      </Button>
                      {query.formCode === 'B04' ? (
                        <Button size="small" href={exchangePackageUrl(query.period, v.versionNo)}>
                          {t('exchange.download')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Flex>
      <SignModal
        open={signing}
        query={query}
        version={view.draftVersion}
        onClose={() => setSigning(false)}
        onConflict={() => setConflict(true)}
      />
      <SignedModal query={query} versionNo={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

function SignedModal({
  query,
  versionNo,
  onClose,
}: {
  query: CompilationQuery;
  versionNo: number | null;
  onClose: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const signed = useSignedCompilation(query, versionNo);
  return (
    <Modal
      open={versionNo !== null}
      width={1100}
      footer={null}
      onCancel={onClose}
      title={t('reports.compiled.signedVersion', { no: versionNo ?? '' })}
    >
      {signed.isPending ? <PageLoader /> : null}
      {signed.error ? <ErrorAlert error={signed.error} /> : null}
      {signed.data ? (
        <>
          <Typography.Paragraph>
            {[signed.data.docNo, signed.data.signerName, signed.data.signerTitle].filter(Boolean).join(' · ')}{' '}
            · {format.dateTime(signed.data.signedAt)}
          </Typography.Paragraph>
          <ItemsTable
            view={signed.data}
            items={signed.data.report.items}
            annotations={signed.data.annotations}
            editable={false}
          />
        </>
      ) : null}
    </Modal>
  );
}
