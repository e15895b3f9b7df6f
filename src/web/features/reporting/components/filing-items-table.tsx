import { Form, Input, Select, Table, Typography, Grid, type TableColumnsType } from 'antd';
import type { FormItem, FormVersion } from '../../../../domain/reporting/form-types';
import { indicatorOf } from '../../../../domain/reporting/indicators';
import type { FieldError } from '../../../../domain/reporting/validation';
import { NumberInput } from '../../../components/ui/number-input';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { unitKey } from './reporting-labels';
import type { FilingEditorState } from './use-filing-editor';

/**
 * The form's items with their inputs. Wide screens: number, item, unit and value in columns. A phone
 * (below `md`): one column — the item with its unit above a full-width input — so the value is never a sliver.
 */
/** What the table reads and changes of the editor's state (`useFilingEditor`). */
export type FilingItemsEditor = Pick<
  FilingEditorState,
  | 'values'
  | 'setValues'
  | 'explanations'
  | 'setExplanations'
  | 'serverErrors'
  | 'editable'
  | 'previous'
  | 'outliers'
  | 'errorsByItem'
  | 'explain'
>;

export function FilingItemsTable({ form, editor }: { form: FormVersion; editor: FilingItemsEditor }) {
  const t = useT();
  const locale = useLocale();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const { values, setValues, explanations, setExplanations, serverErrors, editable, previous, outliers } =
    editor;
  const input = (item: FormItem) => (
    <ItemInput
      item={item}
      value={values[item.indicator] ?? null}
      editable={editable}
      errors={editor.errorsByItem.get(item.indicator) ?? []}
      serverError={serverErrors[item.indicator]}
      previous={previous?.values[item.indicator] ?? null}
      explain={editor.explain.has(item.indicator)}
      explanation={explanations[item.indicator] ?? ''}
      outlierText={outliers.find((o) => o.item === item.indicator)?.message[locale]}
      onChange={(value) => setValues((v) => ({ ...v, [item.indicator]: value }))}
      onExplain={(text) => setExplanations((e) => ({ ...e, [item.indicator]: text }))}
    />
  );
  const label = (item: FormItem) => {
    const name = item.label ?? indicatorOf(item.indicator).name;
    return (
      <>
        {name[locale]}
        {item.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
        {locale === 'vi' && !narrow ? (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {name.en}
            </Typography.Text>
          </div>
        ) : null}
      </>
    );
  };
  const columns: TableColumnsType<FormItem> = narrow
    ? [
        {
          title: t('reports.col.item'),
          key: 'item',
          render: (_, item) => (
            <div data-testid={`item-row-${item.indicator}`}>
              <div style={{ marginBottom: 4 }}>
                <Typography.Text strong>{item.no}.</Typography.Text> {label(item)}
                <Typography.Text type="secondary">
                  {' '}
                  ({t(unitKey(indicatorOf(item.indicator).unit))})
                </Typography.Text>
              </div>
              {input(item)}
            </div>
          ),
        },
      ]
    : [
        { title: t('reports.col.no'), dataIndex: 'no', width: 60 },
        { title: t('reports.col.item'), key: 'label', render: (_, item) => label(item) },
        {
          title: t('reports.col.unit'),
          key: 'unit',
          width: 130,
          render: (_, item) => t(unitKey(indicatorOf(item.indicator).unit)),
        },
        { title: t('reports.col.value'), key: 'value', width: 340, render: (_, item) => input(item) },
      ];
  return (
    <Form layout="vertical" component="div">
      <Table<FormItem>
        size="small"
        rowKey="indicator"
        pagination={false}
        dataSource={[...form.items]}
        columns={columns}
      />
    </Form>
  );
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
