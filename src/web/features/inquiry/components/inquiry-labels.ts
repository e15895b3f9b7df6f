import type { InquiryAction, InquiryStatus } from '../../../../domain/inquiry/inquiry';
import type { MessageKey } from '../../../lib/i18n';

export {
  holdReasonLabels,
  inquiryStatuses,
  inquiryStatusLabels,
  inquiryTimeframeLabels,
} from '../../../../domain/inquiry/inquiry';

export const STATUS_COLORS: Record<InquiryStatus, string> = {
  held: 'orange',
  new: 'blue',
  answered: 'green',
  closed: 'default',
};

/** History rows and buttons: the action's words. */
export const ACTION_LABELS: Record<InquiryAction | 'submit' | 'hold', MessageKey> = {
  submit: 'inquiry.action.submit',
  hold: 'inquiry.action.hold',
  release: 'inquiry.action.release',
  reply: 'inquiry.action.reply',
  close: 'inquiry.action.close',
};
