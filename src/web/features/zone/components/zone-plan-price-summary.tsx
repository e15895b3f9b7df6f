import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { useT } from '../../../lib/i18n';
import { useZonePlan, useZonePrices } from '../api/zone-plan-api';
import { PlanStatusView } from './zone-plan-tab';
import { CurrentPrices } from './zone-prices-tab';
import { zonePath } from '../../../lib/paths';

/** On the overview: the zone's plan status today and the prices in force, each linking to its tab. */
export function ZonePlanPriceSummary({ code }: { code: string }) {
  const t = useT();
  const plan = useZonePlan(code);
  const prices = useZonePrices(code);
  return (
    <Card size="small" title={t('zone.section.planPrices')} data-testid="zone-plan-prices">
      <Flex vertical gap={12}>
        <div>
          <Flex justify="space-between" align="baseline" style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('zone.tab.plan')}</Typography.Text>
            <Link to={`${zonePath(code)}?tab=plan`}>{t('zone.overview.details')}</Link>
          </Flex>
          {plan.isPending ? (
            <PageLoader />
          ) : plan.error ? (
            <ErrorAlert error={plan.error} />
          ) : (
            <PlanStatusView status={plan.data.status} />
          )}
        </div>
        <div>
          <Flex justify="space-between" align="baseline" style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('zone.tab.prices')}</Typography.Text>
            <Link to={`${zonePath(code)}?tab=prices`}>{t('zone.overview.details')}</Link>
          </Flex>
          {prices.isPending ? (
            <PageLoader />
          ) : prices.error ? (
            <ErrorAlert error={prices.error} />
          ) : (
            <CurrentPrices prices={prices.data} compact />
          )}
        </div>
      </Flex>
    </Card>
  );
}
