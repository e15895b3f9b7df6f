/** In-app notifications. */
const vi = {
  'notification.title': 'Thông báo',
  'notification.bell': 'Thông báo ({count} chưa đọc)',
  'notification.markAllRead': 'Đánh dấu đã đọc tất cả',
  'notification.empty': 'Chưa có thông báo nào.',
};

const en: Record<keyof typeof vi, string> = {
  'notification.title': 'Notifications',
  'notification.bell': 'Notifications ({count} unread)',
  'notification.markAllRead': 'Mark all as read',
  'notification.empty': 'No notifications yet.',
};

export const notificationMessages = { vi, en };
