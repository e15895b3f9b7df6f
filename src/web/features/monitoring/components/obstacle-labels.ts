import type { ObstacleAction, ObstacleStatus } from '../../../../domain/monitoring/obstacle';
import type { MessageKey } from '../../../lib/i18n';

export {
  obstacleStatuses,
  obstacleStatusLabels,
  reasonRequired,
} from '../../../../domain/monitoring/obstacle';
export { watchActionLabels, watchRuleLabels } from '../../../../domain/monitoring/watch-labels';
export { watchActions, watchRuleCodes } from '../../../../domain/monitoring/watch-entry';

export const STATUS_COLORS: Record<ObstacleStatus, string> = {
  open: 'orange',
  in_progress: 'blue',
  escalated: 'volcano',
  resolved: 'green',
  dropped: 'default',
};

export const ACTION_LABELS: Record<ObstacleAction | 'raise' | 'update', MessageKey> = {
  start: 'monitoring.action.start',
  escalate: 'monitoring.action.escalate',
  resolve: 'monitoring.action.resolve',
  drop: 'monitoring.action.drop',
  reopen: 'monitoring.action.reopen',
  comment: 'monitoring.action.comment',
  agree: 'monitoring.action.agree',
  raise: 'monitoring.action.raise',
  update: 'monitoring.action.update',
};
