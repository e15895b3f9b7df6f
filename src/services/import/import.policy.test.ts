import { describe, expect, it } from 'vitest';
import { permissions, roleDefinition, type Actor, type RoleCode } from '../../domain/identity/roles';
import { canExportZones, canImportZones } from './import.policy';

const actor = (role: RoleCode): Actor => ({
  userId: 'u',
  username: 'u',
  assignments: [{ role, scopeKind: 'all', scopeRef: null }],
  permissions: new Set(role === 'system_admin' ? permissions : roleDefinition(role).permissions),
});

describe('import/export policy', () => {
  it('lets those who keep zones import, and everyone who reads zones export', () => {
    expect(canImportZones(actor('system_admin'))).toBe(true);
    expect(canImportZones(actor('department_officer'))).toBe(true);
    expect(canImportZones(actor('commune_officer'))).toBe(true);
    expect(canImportZones(actor('developer'))).toBe(true);
    expect(canImportZones(actor('leader'))).toBe(false);
    expect(canImportZones(actor('enterprise'))).toBe(false);
    expect(canExportZones(actor('leader'))).toBe(true);
    expect(canExportZones(actor('enterprise'))).toBe(true);
  });
});
