import type { MessageKey } from '../../../lib/i18n';
import type { PlanChange, PlanStatusKind, PriceKind, PriceUnit } from '../api/zone-plan-api';

/** Names of the master-plan and price vocabularies, shared by their tabs, the overview and the history. */
export const PLAN_STATUS_LABELS: Record<PlanStatusKind, MessageKey> = {
  in_plan: 'zone.plan.status.in_plan',
  area_changed: 'zone.plan.status.area_changed',
  removed: 'zone.plan.status.removed',
  not_in_plan: 'zone.plan.status.not_in_plan',
};

export const PLAN_CHANGE_LABELS: Record<PlanChange, MessageKey> = {
  added: 'zone.plan.change.added',
  area_changed: 'zone.plan.change.area_changed',
  removed: 'zone.plan.change.removed',
};

export const PRICE_KIND_LABELS: Record<PriceKind, MessageKey> = {
  sublease: 'zone.price.kind.sublease',
  shared_service: 'zone.price.kind.shared_service',
};

export const PRICE_UNIT_LABELS: Record<PriceUnit, MessageKey> = {
  m2_year: 'zone.price.unit.m2_year',
  m2_month: 'zone.price.unit.m2_month',
  m2_term: 'zone.price.unit.m2_term',
  m3: 'zone.price.unit.m3',
};
