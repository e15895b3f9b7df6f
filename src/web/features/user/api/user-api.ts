import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createUserInputSchema } from '../../../../domain/identity/identity.schema';
import { api, type ApiResponse } from '../../../lib/api';

// GET/POST /api/users and GET /api/roles, typed by the contract's schemas in src/domain.

export type { UserSummary } from '../../../../domain/identity/identity.schema';

/** What the form sends; the server trims, lower-cases and validates it with the same schema. */
export type CreateUserInput = z.input<typeof createUserInputSchema>;

/** A role as `GET /api/roles` lists it, with its name in the requested language. */
export type Role = ApiResponse<'/api/roles', 'get'>['items'][number];

export type UserListParams = { q: string; page: number; pageSize: number };

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  roles: ['roles'] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/users', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: userKeys.roles,
    queryFn: ({ signal }) => api.get('/api/roles', { signal }),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
