import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useFormat } from '../../lib/format';
import { useLocale, useT } from '../../lib/i18n';
import type { LifecycleState } from '../../../domain/zone/lifecycle';
import {
  lifecycleGroup,
  lifecycleLabel,
  LIFECYCLE_TAG_COLORS,
  occupancyBand,
  OCCUPANCY_BAND_COLORS,
} from './zone-labels';

/** The current lifecycle state, coloured by its group (planned, building, operating, …). */
export function LifecycleTag({ state }: { state: LifecycleState | null }) {
  const t = useT();
  const locale = useLocale();
  if (!state) return <Typography.Text type="secondary">{t('zone.noState')}</Typography.Text>;
  return (
    <Tag color={LIFECYCLE_TAG_COLORS[lifecycleGroup(state)]} style={{ marginInlineEnd: 0 }}>
      {lifecycleLabel(state, locale)}
    </Tag>
  );
}

/** "92,3 %" with a small bar; the bar's colour follows the map's occupancy bands. */
export function OccupancyCell({ rate, width = 72 }: { rate: number | null; width?: number }) {
  const t = useT();
  const format = useFormat();
  if (rate === null || !Number.isFinite(rate)) {
    // A plain title, not a tooltip component: a list has one of these on most rows.
    return (
      <Typography.Text type="secondary" title={t('zone.occupancyUnknown')}>
        —
      </Typography.Text>
    );
  }
  return (
    <Flex align="center" gap={8} style={{ whiteSpace: 'nowrap' }}>
      <span style={{ minWidth: 52, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
        {format.percent(rate)}
      </span>
      <Progress
        aria-hidden
        percent={Math.min(100, Math.max(0, rate * 100))}
        showInfo={false}
        size={{ width, height: 6 }}
        strokeColor={OCCUPANCY_BAND_COLORS[occupancyBand(rate)]}
      />
    </Flex>
  );
}

/** "dữ liệu tổng hợp (synthetic)": demo figures must never pass for real ones. */
export function SyntheticTag() {
  const t = useT();
  return (
    <Tooltip title={t('zone.syntheticHint')}>
      <Tag color="purple">{t('zone.synthetic')}</Tag>
    </Tooltip>
  );
}
