import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InquiryListQuery,
  InquiryReplyInput,
  InquiryStepInput,
} from '../../../../domain/inquiry/inquiry.schema';
import { api, type QueryValue } from '../../../lib/api';

// Investor inquiries of the reader's zones (/api/inquiries). Type-only imports of the contracts.

export type { InquiryDetail, InquiryList, InquiryView } from '../../../../domain/inquiry/inquiry.schema';

export const inquiryKeys = {
  all: ['inquiries'] as const,
  list: (q: Partial<InquiryListQuery>) => ['inquiries', 'list', q] as const,
  one: (id: string) => ['inquiries', 'one', id] as const,
};

const clean = (q: object): Record<string, QueryValue> =>
  Object.fromEntries(
    Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && v !== null),
  ) as Record<string, QueryValue>;

export function useInquiries(q: Partial<InquiryListQuery>) {
  return useQuery({
    queryKey: inquiryKeys.list(q),
    queryFn: ({ signal }) => api.get('/api/inquiries', { query: clean(q), signal }),
  });
}

export function useInquiry(id: string) {
  return useQuery({
    queryKey: inquiryKeys.one(id),
    queryFn: ({ signal }) => api.get('/api/inquiries/{id}', { params: { id }, signal }),
  });
}

/** Reply, close or release: each answers the inquiry as it now is. */
export function useInquiryStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input: ({ action: 'reply' } & InquiryReplyInput) | ({ action: 'close' | 'release' } & InquiryStepInput),
    ) => {
      if (input.action === 'reply') {
        const { action: _reply, ...body } = input;
        return api.post('/api/inquiries/{id}/reply', body, { params: { id } });
      }
      const { action, ...body } = input;
      return action === 'close'
        ? api.post('/api/inquiries/{id}/close', body, { params: { id } })
        : api.post('/api/inquiries/{id}/release', body, { params: { id } });
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(inquiryKeys.one(id), detail);
      void queryClient.invalidateQueries({ queryKey: [...inquiryKeys.all, 'list'] });
    },
  });
}
