import { useState } from 'react';
import { Alert, App, Button, Card, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { briefingFileUrl, useBriefing, useIssueBriefing, useUpdateBriefing } from '../api/briefing-api';

/**
 * One briefing: each section's sentence template (words editable, figures as named placeholders) beside the
 * sentence computed from it, the tasks for the next period, issuing, and the Word / PDF / Excel files.
 */
export function BriefingEditor({ id }: { id: string }) {
  const t = useT();
  const format = useFormat();
  const { modal, message } = App.useApp();
  const { data, error } = useBriefing(id);
  const update = useUpdateBriefing(id);
  const issue = useIssueBriefing(id);
  // Only what the officer changed is kept; the rest reads from the briefing as saved.
  const [sections, setSections] = useState<Record<string, string>>({});
  const [tasksEdit, setTasks] = useState<string | null>(null);
  if (error) return <Alert type="error" message={error.message} />;
  if (!data) return <Skeleton active />;
  const tasks = tasksEdit ?? data.tasks;
  const save = () =>
    update.mutate(
      { version: data.version, sections, ...(tasksEdit !== null ? { tasks: tasksEdit } : {}) },
      {
        onSuccess: () => {
          setSections({});
          setTasks(null);
          void message.success(t('briefing.saved'));
        },
      },
    );
  const parts = [...new Set(data.sections.map((s) => s.part))];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="briefing-editor">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data.title}
        </Typography.Title>
        <Tag color={data.state === 'issued' ? 'green' : 'gold'}>
          {data.state === 'issued' ? t('briefing.issued') : t('briefing.draft')}
        </Tag>
        <Typography.Text type="secondary">
          {t('briefing.asOf', { time: format.dateTime(data.asOf) })}
        </Typography.Text>
      </Space>
      <Space wrap>
        <Button href={briefingFileUrl(id, 'docx')}>{t('briefing.download')} Word</Button>
        <Button href={briefingFileUrl(id, 'pdf')}>{t('briefing.download')} PDF</Button>
        <Button href={briefingFileUrl(id, 'xlsx')}>{t('briefing.download')} Excel</Button>
        {data.canEdit ? (
          <>
            <Button onClick={save} loading={update.isPending}>
              {t('briefing.save')}
            </Button>
            <Button
              type="primary"
              onClick={() =>
                void modal.confirm({
                  content: t('briefing.issueConfirm'),
                  onOk: () => issue.mutateAsync(data.version),
                })
              }
            >
              {t('briefing.issue')}
            </Button>
          </>
        ) : null}
      </Space>
      {update.error ? <Alert type="error" message={update.error.message} /> : null}
      {parts.map((part) => (
        <Space key={part} direction="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Title level={5}>{part}</Typography.Title>
          {data.sections
            .filter((s) => s.part === part)
            .map((s) => (
              <Card key={s.key} size="small" title={s.heading}>
                <Typography.Paragraph data-testid={`section-${s.key}`}>{s.text}</Typography.Paragraph>
                {data.canEdit ? (
                  <Input.TextArea
                    aria-label={`${t('briefing.template')}: ${s.heading}`}
                    autoSize
                    value={sections[s.key] ?? s.template}
                    onChange={(e) => setSections({ ...sections, [s.key]: e.target.value })}
                  />
                ) : null}
              </Card>
            ))}
        </Space>
      ))}
      <Card size="small" title={t('briefing.tasks')}>
        {data.canEdit ? (
          <Input.TextArea
            aria-label={t('briefing.tasks')}
            autoSize={{ minRows: 3 }}
            value={tasks}
            onChange={(e) => setTasks(e.target.value)}
          />
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{tasks}</Typography.Paragraph>
        )}
      </Card>
    </Space>
  );
}
