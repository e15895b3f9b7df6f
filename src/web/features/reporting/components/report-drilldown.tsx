import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FormSection, FormVersion } from '../../../../domain/reporting/form-types';
import { PATHS } from '../../../lib/paths';
import type { Formatters } from '../../../lib/format';
import type { Locale, Translate } from '../../../lib/i18n';
import { itemLabel, unitKey } from './reporting-labels';

/**
 * What the compiled reports (Biểu 03/04) and the parks' periodic report show the same way: the figures
 * grouped by section, each row opening onto the records behind it and the reports still missing. Each view
 * keeps its own columns, its own texts and how it words a source or a gap.
 */

type Loose = Record<string, unknown>;

/** A field of a source or gap record as text (numbers too), or null when it is absent. */
export const str = (record: Loose, key: string): string | null => {
  const value = record[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
};

export function ZoneLink({ code }: { code: string }) {
  return <Link to={`${PATHS.registry}/${encodeURIComponent(code)}`}>{code}</Link>;
}

export function ProjectLink({ code }: { code: string }) {
  return <Link to={`${PATHS.projects}/${encodeURIComponent(code)}`}>{code}</Link>;
}

/** One record behind a figure: what it is (`children`), then what it contributed, then `suffix`. */
export function SourceItem({
  source,
  format,
  children,
  suffix,
}: {
  source: Loose;
  format: Formatters;
  children: ReactNode;
  suffix?: ReactNode;
}) {
  const contribution = typeof source['contribution'] === 'number' ? source['contribution'] : null;
  return (
    <li>
      {children}
      {contribution !== null ? (
        <Typography.Text strong> : {format.number(contribution, { maxFractionDigits: 4 })}</Typography.Text>
      ) : null}
      {suffix}
    </li>
  );
}

export function GapItem({ text }: { text: string }) {
  return (
    <li>
      <Typography.Text type="warning">{text}</Typography.Text>
    </li>
  );
}

/** The "n missing" tag next to an item's label. */
function GapTag({ text }: { text: string }) {
  return (
    <Tag color="warning" style={{ marginInlineStart: 8 }}>
      {text}
    </Tag>
  );
}

/** The first columns of both reports: the item's number, its label (with the "n missing" tag) and its unit. */
export function itemColumns<Row extends { no: string; indicator: string; unit: string; gapCount: number }>({
  t,
  locale,
  form,
  noWidth,
  gapText,
  indent,
}: {
  t: Translate;
  locale: Locale;
  form: FormVersion | null;
  noWidth: number;
  gapText: (count: number) => string;
  /** Left padding of a row's label (sub-items). */
  indent?: (row: Row) => number;
}): TableColumnsType<Row> {
  return [
    { title: t('reports.col.no'), dataIndex: 'no', width: noWidth },
    {
      title: t('reports.col.item'),
      key: 'label',
      render: (_, item) => (
        <span style={indent ? { paddingInlineStart: indent(item) } : undefined}>
          {form ? itemLabel(form, item.indicator, locale) : item.indicator}
          {item.gapCount > 0 ? <GapTag text={gapText(item.gapCount)} /> : null}
        </span>
      ),
    },
    { title: t('reports.col.unit'), key: 'unit', width: 120, render: (_, item) => t(unitKey(item.unit)) },
  ];
}

export type DrilldownItem = {
  sourceCount: number;
  gapCount: number;
  sources: readonly Loose[];
  gaps: readonly Loose[];
};

export type DrilldownTexts = {
  sources: (count: number) => string;
  moreSources: (count: number) => string;
  gaps: (count: number) => string;
  /** Needed only with `gapsShown`. */
  moreGaps?: (count: number) => string;
};

/**
 * The expanded row: the sources (the first `sourcesShown`, the rest counted) and the gaps likewise. With
 * `pager`, the item holds one page of each, and the pager (below) moves between pages instead of counting.
 */
export function ItemDrilldown<Item extends DrilldownItem>({
  item,
  texts,
  renderSource,
  renderGap,
  sourcesShown,
  gapsShown,
  pager,
}: {
  item: Item;
  texts: DrilldownTexts;
  renderSource: (source: Item['sources'][number], index: number) => ReactNode;
  renderGap: (gap: Item['gaps'][number], index: number) => ReactNode;
  sourcesShown?: number;
  gapsShown?: number;
  pager?: ReactNode;
}) {
  return (
    <Flex gap={24} wrap>
      <div style={{ minWidth: 280 }}>
        <Typography.Text strong>{texts.sources(item.sourceCount)}</Typography.Text>
        <ul style={{ margin: '4px 0' }}>{item.sources.slice(0, sourcesShown).map(renderSource)}</ul>
        {!pager && item.sourceCount > item.sources.length ? (
          <Typography.Text type="secondary">
            {texts.moreSources(item.sourceCount - item.sources.length)}
          </Typography.Text>
        ) : null}
      </div>
      {item.gapCount > 0 ? (
        <div style={{ minWidth: 280 }}>
          <Typography.Text strong type="warning">
            {texts.gaps(item.gapCount)}
          </Typography.Text>
          <ul style={{ margin: '4px 0' }}>{item.gaps.slice(0, gapsShown).map(renderGap)}</ul>
          {!pager && gapsShown !== undefined && texts.moreGaps && item.gapCount > gapsShown ? (
            <Typography.Text type="secondary">{texts.moreGaps(item.gapCount - gapsShown)}</Typography.Text>
          ) : null}
        </div>
      ) : null}
      {pager ? <div style={{ flexBasis: '100%' }}>{pager}</div> : null}
    </Flex>
  );
}

export type SectionGroup<Row> = { key: string; title: string; rows: Row[] };

/** The rows of each section of the form, titled "A. …", in the form's order. */
export function sectionGroups<Row extends { section?: string | null }>(
  rows: Row[],
  sections: readonly FormSection[],
  locale: Locale,
): SectionGroup<Row>[] {
  return sections.map((s) => ({
    key: s.code,
    title: `${s.code}. ${s.title[locale]}`,
    rows: rows.filter((r) => (r.section ?? null) === s.code),
  }));
}

/**
 * One table a section, each row expandable onto its drilldown when it has sources or gaps (the drilldown
 * may fetch them when the row is opened: a row needs only their counts).
 */
export function SectionTables<Row extends Pick<DrilldownItem, 'sourceCount' | 'gapCount'> & { key: string }>({
  groups,
  columns,
  drilldown,
}: {
  groups: SectionGroup<Row>[];
  columns: TableColumnsType<Row>;
  drilldown: (item: Row) => ReactNode;
}) {
  return (
    <Flex vertical gap={12}>
      {groups.map((group) => (
        <div key={group.key}>
          {group.title ? <Typography.Title level={5}>{group.title}</Typography.Title> : null}
          <Table<Row>
            size="small"
            pagination={false}
            dataSource={group.rows}
            columns={columns}
            expandable={{
              rowExpandable: (item) => item.sourceCount > 0 || item.gapCount > 0,
              expandedRowRender: drilldown,
            }}
          />
        </div>
      ))}
    </Flex>
  );
}
