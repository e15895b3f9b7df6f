import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useZoneIncidents } from '../api/incident-api';

const SEVERITY_COLORS = { minor: 'default', serious: 'orange', very_serious: 'red' } as const;

/** Sự cố: a zone's incidents, newest first, with their response and follow-up. */
export function ZoneIncidentsPanel({ code }: { code: string }) {
  const t = useT();
  const format = useFormat();
  const incidents = useZoneIncidents(code);
  let body;
  if (incidents.isPending) body = <PageLoader />;
  else if (incidents.error) body = <ErrorAlert error={incidents.error} />;
  else if (incidents.data.incidents.length === 0) body = <Empty description={t('incident.empty')} />;
  else {
    body = (
      <Flex vertical gap={12} data-testid="incident-list">
        {incidents.data.incidents.map((i) => (
          <Flex vertical gap={2} key={i.id}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{format.date(i.occurredOn)}</Typography.Text>
              <Tag>{t(`incident.kind.${i.kind}`)}</Tag>
              <Tag color={SEVERITY_COLORS[i.severity]}>{t(`incident.severity.${i.severity}`)}</Tag>
              {i.peopleAffected ? (
                <span>{t('incident.people', { count: format.number(i.peopleAffected) })}</span>
              ) : null}
              {i.projectCode ? <Typography.Text code>{i.projectCode}</Typography.Text> : null}
            </Flex>
            <Typography.Text>{i.description}</Typography.Text>
            {i.damage ? (
              <Typography.Text type="secondary">{t('incident.damage', { text: i.damage })}</Typography.Text>
            ) : null}
            {i.response ? (
              <Typography.Text type="secondary">
                {t('incident.response', { text: i.response })}
              </Typography.Text>
            ) : null}
            {i.followUp ? (
              <Typography.Text type="secondary">
                {t('incident.followUp', { text: i.followUp })}
              </Typography.Text>
            ) : null}
            {i.closedOn ? (
              <Typography.Text type="secondary">
                {t('incident.closed', { date: format.date(i.closedOn) })}
              </Typography.Text>
            ) : null}
          </Flex>
        ))}
      </Flex>
    );
  }
  return (
    <Card size="small" title={t('incident.title')}>
      {body}
    </Card>
  );
}
