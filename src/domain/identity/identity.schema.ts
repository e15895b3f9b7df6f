import { z } from 'zod';
import { roleCodes, scopeKinds, zoneFamilies } from './roles';

export const localeSchema = z.enum(['vi', 'en']);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'username');

export const signInInputSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

export const assignmentSchema = z.object({
  role: z.enum(roleCodes),
  roleName: z.string(),
  scopeKind: z.enum(scopeKinds),
  scopeRef: z.string().nullable(),
  scopeLabel: z.string(),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  locale: localeSchema,
  assignments: z.array(assignmentSchema),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const userSummarySchema = sessionUserSchema.omit({ permissions: true }).extend({
  family: z.enum(zoneFamilies).nullable(),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  version: z.number().int(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const createUserInputSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullish(),
  password: z.string().max(256),
  role: z.enum(roleCodes),
  scopeKind: z.enum(scopeKinds),
  scopeRef: z.string().trim().max(64).nullish(),
  family: z.enum(zoneFamilies).nullish(),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateMeInputSchema = z.object({ locale: localeSchema });

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().max(256),
});

export const resetPasswordInputSchema = z.object({ newPassword: z.string().max(256) });

export const listQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
