import {
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { WatchAction, WatchRuleCode } from '../../../../domain/monitoring/watch-entry';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import {
  exportHref,
  useAddManualWatch,
  useRemoveManualWatch,
  useWatchList,
  type WatchEntryView,
} from '../api/monitoring-api';
import { ObstacleDrawer } from './obstacle-drawer';
import { watchActionLabels, watchActions, watchRuleCodes, watchRuleLabels } from './obstacle-labels';

const KEYS = ['rule', 'zone', 'action', 'obstacle'] as const;

/**
 * The watch list of the reader's scope, computed on the server from every rule: each entry with its reason,
 * since when, the agency that must act and the proposed action, linking to its zone or project and the record
 * behind it. Agencies add (and remove) manual entries with a reason.
 */
export function WatchListPanel() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const [values, update] = useUrlState(KEYS);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const query = {
    rule: (values.rule || undefined) as WatchRuleCode | undefined,
    zone: values.zone || undefined,
    action: (values.action || undefined) as WatchAction | undefined,
  };
  const list = useWatchList(query);
  const columns: TableColumnsType<WatchEntryView> = [
    {
      title: t('monitoring.watch.col.subject'),
      key: 'subject',
      render: (_v, e) => (
        <Flex vertical gap={2}>
          <Link
            to={
              e.subject.kind === 'project'
                ? `/projects/${encodeURIComponent(e.subject.code)}`
                : `/zones/${encodeURIComponent(e.subject.code)}`
            }
          >
            {e.subject.name}
          </Link>
          <Typography.Text type="secondary">
            {e.subject.kind === 'project' ? e.zoneName : e.zoneCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('monitoring.watch.col.rule'),
      key: 'rule',
      render: (_v, e) => <Tag>{watchRuleLabels[e.rule][locale]}</Tag>,
    },
    { title: t('monitoring.watch.col.reason'), key: 'reason', render: (_v, e) => e.reason[locale] },
    { title: t('monitoring.watch.col.since'), key: 'since', render: (_v, e) => format.date(e.since) },
    {
      title: t('monitoring.watch.col.agency'),
      key: 'agency',
      responsive: ['lg'],
      render: (_v, e) => e.agency ?? '—',
    },
    {
      title: t('monitoring.watch.col.action'),
      key: 'action',
      render: (_v, e) => <Tag color="gold">{watchActionLabels[e.proposedAction][locale]}</Tag>,
    },
    {
      title: t('monitoring.watch.col.source'),
      key: 'source',
      render: (_v, e) =>
        e.source?.kind === 'obstacle' ? (
          <a
            href={`?obstacle=${e.source.id}`}
            onClick={(ev) => {
              ev.preventDefault();
              update({ obstacle: e.source!.id });
            }}
          >
            {t('monitoring.watch.openObstacle')}
          </a>
        ) : e.source?.kind === 'manual' && list.data?.canAddManual ? (
          <Button size="small" onClick={() => setRemoving(e.source!.id)}>
            {t('monitoring.manual.remove')}
          </Button>
        ) : (
          <Link to={`/zones/${encodeURIComponent(e.zoneCode)}`}>{t('monitoring.watch.openZone')}</Link>
        ),
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="watch-list">
      <Flex gap={8} wrap align="center">
        <Select
          aria-label={t('monitoring.filter.rule')}
          style={{ minWidth: 220 }}
          value={values.rule || ''}
          onChange={(rule) => update({ rule })}
          options={[
            { value: '', label: t('monitoring.filter.all') },
            ...watchRuleCodes.map((r) => ({ value: r, label: watchRuleLabels[r][locale] })),
          ]}
        />
        <Select
          aria-label={t('monitoring.watch.col.action')}
          style={{ minWidth: 180 }}
          value={values.action || ''}
          onChange={(action) => update({ action })}
          options={[
            { value: '', label: t('monitoring.watch.col.action') },
            ...watchActions.map((a) => ({ value: a, label: watchActionLabels[a][locale] })),
          ]}
        />
        <Input.Search
          aria-label={t('monitoring.filter.zone')}
          placeholder={t('monitoring.filter.zone')}
          allowClear
          style={{ width: 200 }}
          defaultValue={values.zone}
          onSearch={(zone) => update({ zone: zone.trim().toUpperCase() })}
        />
        <a href={exportHref('/api/monitoring/watch-list/export.xlsx', query)}>{t('monitoring.export')}</a>
        {list.data ? (
          <Typography.Text type="secondary">
            {t('monitoring.asOf', { date: format.date(list.data.asOf) })}
          </Typography.Text>
        ) : null}
        {list.data?.canAddManual ? (
          <Button onClick={() => setAdding(true)}>{t('monitoring.manual.add')}</Button>
        ) : null}
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<WatchEntryView>
        rowKey={(e) => `${e.rule}|${e.subject.kind}|${e.subject.code}|${e.source?.id ?? ''}`}
        size="small"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('monitoring.watch.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      <ManualAddModal open={adding} onClose={() => setAdding(false)} />
      <ManualRemoveModal id={removing} onClose={() => setRemoving(null)} />
      <ObstacleDrawer id={values.obstacle || null} onClose={() => update({ obstacle: null })} />
    </Flex>
  );
}

type ManualValues = {
  zoneCode?: string;
  projectCode?: string;
  reason?: string;
  agency?: string;
  proposedAction?: WatchAction;
};

function ManualAddModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ManualValues>();
  const add = useAddManualWatch();
  const [error, setError] = useState<unknown>(null);
  const required = [{ required: true, message: t('monitoring.obstacle.required') }];
  const submit = (v: ManualValues) =>
    add.mutate(
      {
        zoneCode: v.zoneCode?.trim() ?? '',
        projectCode: v.projectCode?.trim() || null,
        reason: v.reason ?? '',
        agency: v.agency?.trim() || null,
        proposedAction: v.proposedAction ?? 'remind',
      },
      {
        onSuccess: () => {
          void message.success(t('monitoring.manual.added'));
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          const fields = e instanceof ApiError ? Object.entries(e.fieldErrors) : [];
          if (fields.length)
            form.setFields(
              fields.map(([name, text]) => ({ name: name as keyof ManualValues, errors: [text] })),
            );
          else setError(e);
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('monitoring.manual.addTitle')}
      okText={t('monitoring.manual.add')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<ManualValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ proposedAction: 'remind' }}
      >
        <Form.Item label={t('monitoring.obstacle.zone')} name="zoneCode" rules={required}>
          <Input />
        </Form.Item>
        <Form.Item label={t('monitoring.manual.project')} name="projectCode">
          <Input />
        </Form.Item>
        <Form.Item label={t('monitoring.manual.reason')} name="reason" rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('monitoring.manual.agency')} name="agency">
          <Input />
        </Form.Item>
        <Form.Item label={t('monitoring.manual.action')} name="proposedAction" rules={required}>
          <Select options={watchActions.map((a) => ({ value: a, label: watchActionLabels[a][locale] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ManualRemoveModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const remove = useRemoveManualWatch();
  const [error, setError] = useState<unknown>(null);
  if (!id) return null;
  return (
    <Modal
      open
      title={t('monitoring.manual.removeTitle')}
      okText={t('monitoring.manual.remove')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          remove.mutate(
            { id, reason: v.reason ?? '' },
            {
              onSuccess: () => {
                void message.success(t('monitoring.manual.removed'));
                onClose();
              },
              onError: setError,
            },
          )
        }
      >
        <Form.Item
          label={t('monitoring.manual.reason')}
          name="reason"
          rules={[{ required: true, message: t('monitoring.obstacle.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
