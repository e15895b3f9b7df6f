import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

// GET /api/notifications, POST /api/notifications/{id}/read and /read-all, typed by the contract in src/domain.

export type { NotificationList, NotificationView } from '../../../../domain/notification/notification.schema';

export const notificationKeys = { mine: ['notifications', 'mine'] as const };

/** My latest notifications and the unread count; refreshed every minute and when the window regains focus. */
export function useMyNotifications() {
  return useQuery({
    queryKey: notificationKeys.mine,
    queryFn: ({ signal }) => api.get('/api/notifications', { query: { limit: 15 }, signal }),
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api.post('/api/notifications/{id}/read', undefined, { params: { id: String(id) } }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.mine }),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.mine }),
  });
}
