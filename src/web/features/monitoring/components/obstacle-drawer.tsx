import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ObstacleAction } from '../../../../domain/monitoring/obstacle';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useObstacle, useObstacleAction, type ObstacleDetail } from '../api/monitoring-api';
import { ACTION_LABELS, obstacleStatusLabels, reasonRequired, STATUS_COLORS } from './obstacle-labels';

/** One obstacle: what blocks, who must act by when, its full history and the actions the reader may take. */
export function ObstacleDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const obstacle = useObstacle(id);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={640}
      title={obstacle.data?.title ?? t('monitoring.tab.obstacles')}
      destroyOnHidden
      data-testid="obstacle-drawer"
    >
      {obstacle.isPending ? (
        <PageLoader />
      ) : obstacle.error ? (
        <ErrorAlert error={obstacle.error} />
      ) : obstacle.data ? (
        <ObstacleBody obstacle={obstacle.data} />
      ) : null}
    </Drawer>
  );
}

function ObstacleBody({ obstacle }: { obstacle: ObstacleDetail }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const [asking, setAsking] = useState<ObstacleAction | null>(null);
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Tag color={STATUS_COLORS[obstacle.status]} data-testid="obstacle-status">
          {obstacleStatusLabels[obstacle.status][locale]}
        </Tag>
        {obstacle.daysOverdue !== null ? (
          <Tag color="red">{t('monitoring.obstacle.overdueDays', { days: obstacle.daysOverdue })}</Tag>
        ) : null}
        {obstacle.isSynthetic ? <Tag color="purple">{t('monitoring.obstacle.synthetic')}</Tag> : null}
      </Flex>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'zone',
            label: t('monitoring.obstacle.zone'),
            children: (
              <Link to={`/zones/${encodeURIComponent(obstacle.zone.code)}?tab=obstacles`}>
                {obstacle.zone.name} ({obstacle.zone.code})
              </Link>
            ),
          },
          ...(obstacle.project
            ? [
                {
                  key: 'project',
                  label: t('monitoring.obstacle.project'),
                  children: (
                    <Link to={`/projects/${encodeURIComponent(obstacle.project.code)}`}>
                      {obstacle.project.name} ({obstacle.project.code})
                    </Link>
                  ),
                },
              ]
            : []),
          {
            key: 'category',
            label: t('monitoring.obstacle.category'),
            children: obstacle.categoryName[locale],
          },
          { key: 'agency', label: t('monitoring.obstacle.agency'), children: obstacle.agency },
          {
            key: 'raisedOn',
            label: t('monitoring.obstacle.raisedOn'),
            children: format.date(obstacle.raisedOn),
          },
          {
            key: 'deadline',
            label: t('monitoring.obstacle.deadline'),
            children: obstacle.deadline
              ? format.date(obstacle.deadline)
              : t('monitoring.obstacle.noDeadline'),
          },
          { key: 'raisedBy', label: t('monitoring.obstacle.raisedBy'), children: obstacle.raisedBy.name },
          ...(obstacle.description
            ? [
                {
                  key: 'description',
                  label: t('monitoring.obstacle.description'),
                  children: obstacle.description,
                },
              ]
            : []),
          ...(obstacle.resolution
            ? [
                {
                  key: 'resolution',
                  label: t('monitoring.obstacle.resolution'),
                  children: obstacle.resolution,
                },
              ]
            : []),
        ]}
      />
      {obstacle.raiserAgreed ? (
        <Typography.Text type="secondary">{t('monitoring.obstacle.raiserAgreed')}</Typography.Text>
      ) : null}
      {obstacle.actions.length ? (
        <Flex gap={8} wrap data-testid="obstacle-actions">
          {obstacle.actions.map((a) => (
            <Button
              key={a}
              type={a === 'resolve' || a === 'escalate' ? 'primary' : 'default'}
              danger={a === 'drop'}
              onClick={() => setAsking(a)}
            >
              {t(ACTION_LABELS[a])}
            </Button>
          ))}
        </Flex>
      ) : null}
      {obstacle.documents.length ? (
        <div>
          <Typography.Title level={5}>{t('monitoring.obstacle.documents')}</Typography.Title>
          {obstacle.documents.map((d) => (
            <div key={d.id}>
              <a href={`/api/documents/${d.id}/file`}>{d.title ?? d.fileName}</a>
            </div>
          ))}
        </div>
      ) : null}
      <div data-testid="obstacle-history">
        <Typography.Title level={5}>{t('monitoring.obstacle.history')}</Typography.Title>
        {obstacle.history.length ? (
          <Timeline
            items={obstacle.history.map((e) => ({
              key: `${e.at}-${e.action}`,
              children: (
                <Flex vertical gap={2}>
                  <Typography.Text strong>
                    {t(ACTION_LABELS[e.action as ObstacleAction] ?? 'monitoring.action.update')}
                    {e.toStatus && e.fromStatus !== e.toStatus
                      ? ` → ${obstacleStatusLabels[e.toStatus][locale]}`
                      : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {format.dateTime(e.at)} · {e.actorName}
                  </Typography.Text>
                  {e.text ? <Typography.Text>{e.text}</Typography.Text> : null}
                </Flex>
              ),
            }))}
          />
        ) : (
          <Empty />
        )}
      </div>
      <ActionModal obstacle={obstacle} action={asking} onClose={() => setAsking(null)} />
    </Flex>
  );
}

function ActionModal({
  obstacle,
  action,
  onClose,
}: {
  obstacle: ObstacleDetail;
  action: ObstacleAction | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text?: string }>();
  const act = useObstacleAction(obstacle.id);
  const [error, setError] = useState<unknown>(null);
  if (!action) return null;
  const needsText = reasonRequired.includes(action);
  const submit = (values: { text?: string }) => {
    setError(null);
    act.mutate(
      { action, text: values.text?.trim() || null, version: obstacle.version },
      {
        onSuccess: () => {
          void message.success(t('monitoring.obstacle.done'));
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          const text = e instanceof ApiError ? e.fieldErrors.text : undefined;
          if (text) form.setFields([{ name: 'text', errors: [text] }]);
          else setError(e);
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('monitoring.obstacle.reasonTitle', { action: t(ACTION_LABELS[action]) })}
      okText={t(ACTION_LABELS[action])}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={act.isPending}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} name="obstacle-action">
        <Form.Item
          name="text"
          label={t('monitoring.obstacle.text')}
          rules={needsText ? [{ required: true, message: t('monitoring.obstacle.required') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
