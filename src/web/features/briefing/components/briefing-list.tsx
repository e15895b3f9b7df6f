import { useState } from 'react';
import { Alert, Button, Card, DatePicker, List, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useDatePickerFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useBriefings, useCreateBriefing } from '../api/briefing-api';

/** The briefings, newest period first, and a new draft of a chosen period and scope. */
export function BriefingList() {
  const t = useT();
  const navigate = useNavigate();
  const pickerFormat = useDatePickerFormat();
  const { data, error } = useBriefings();
  const create = useCreateBriefing();
  const [scope, setScope] = useState<'city' | 'KCN' | 'CCN'>('city');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  if (error) return <Alert type="error" message={error.message} />;
  const from = range?.[0];
  const to = range?.[1];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {data?.canCreate ? (
        <Card size="small" title={t('briefing.new')}>
          <Space wrap>
            <Select
              aria-label={t('briefing.scope')}
              value={scope}
              style={{ minWidth: 260 }}
              onChange={setScope}
              options={[
                { value: 'city', label: t('briefing.scopeCity') },
                { value: 'KCN', label: t('briefing.scopeKcn') },
                { value: 'CCN', label: t('briefing.scopeCcn') },
              ]}
            />
            <DatePicker.RangePicker
              aria-label={t('briefing.period')}
              format={pickerFormat}
              value={range}
              onChange={(v) => setRange(v)}
            />
            <Button
              type="primary"
              disabled={!from || !to}
              loading={create.isPending}
              onClick={() => {
                if (!from || !to) return;
                create.mutate(
                  { scope, from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') },
                  { onSuccess: (view) => void navigate(`/briefings/${view.id}`) },
                );
              }}
            >
              {t('briefing.create')}
            </Button>
          </Space>
          {create.error ? <Alert type="error" message={create.error.message} /> : null}
        </Card>
      ) : null}
      <List
        loading={!data}
        locale={{ emptyText: t('briefing.empty') }}
        dataSource={data?.items ?? []}
        renderItem={(b) => (
          <List.Item>
            <Link to={`/briefings/${b.id}`}>{b.title}</Link>
            <Tag color={b.state === 'issued' ? 'green' : 'gold'}>
              {b.state === 'issued' ? t('briefing.issued') : t('briefing.draft')}
            </Tag>
          </List.Item>
        )}
      />
    </Space>
  );
}
