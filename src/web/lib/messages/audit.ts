/** The audit trail. */
const vi = {
  'audit.subtitle': 'Mọi thay đổi dữ liệu: ai thay đổi, lúc nào, nội dung trước và sau khi thay đổi.',
  'audit.at': 'Thời điểm',
  'audit.actor': 'Người thực hiện',
  'audit.actorPlaceholder': 'Lọc theo người thực hiện',
  'audit.system': 'Hệ thống',
  'audit.action': 'Thao tác',
  'audit.entityType': 'Loại đối tượng',
  'audit.entityTypePlaceholder': 'Loại đối tượng, ví dụ: user',
  'audit.entityId': 'Mã đối tượng',
  'audit.filterByActor': 'Chỉ xem thay đổi của người này',
  'audit.filterByEntityType': 'Chỉ xem thay đổi của loại đối tượng này',
  'audit.before': 'Trước khi thay đổi',
  'audit.after': 'Sau khi thay đổi',
  'audit.noValue': '(không có — bản ghi được tạo mới hoặc đã bị xoá)',
  'audit.changedFields': 'Các trường thay đổi',
};

const en: Record<keyof typeof vi, string> = {
  'audit.subtitle': 'Every change to the data: who made it, when, and the record before and after.',
  'audit.at': 'Time',
  'audit.actor': 'Changed by',
  'audit.actorPlaceholder': 'Filter by person',
  'audit.system': 'System',
  'audit.action': 'Action',
  'audit.entityType': 'Entity type',
  'audit.entityTypePlaceholder': 'Entity type, e.g. user',
  'audit.entityId': 'Entity ID',
  'audit.filterByActor': 'Show only this person’s changes',
  'audit.filterByEntityType': 'Show only changes to this entity type',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.noValue': '(none — the record was created or deleted)',
  'audit.changedFields': 'Changed fields',
};

export const auditMessages = { vi, en };
