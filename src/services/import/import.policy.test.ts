import { describe, expect, it } from 'vitest';
import { permissions, roleDefinition, type Actor, type RoleCode } from '../../domain/identity/roles';
import {
  canExportInvestmentEvents,
  canExportOrganisations,
  canExportProjects,
  canExportZones,
  canImportInvestmentEvents,
  canImportOrganisations,
  canImportProjects,
  canImportZones,
} from './import.policy';

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

describe('import/export policy of organisations, projects and their capital', () => {
  it('lets registry officers import organisations; developers only projects and capital', () => {
    for (const role of ['system_admin', 'department_officer', 'commune_officer'] as const) {
      expect(canImportOrganisations(actor(role)), role).toBe(true);
      expect(canImportProjects(actor(role)), role).toBe(true);
      expect(canImportInvestmentEvents(actor(role)), role).toBe(true);
    }
    expect(canImportOrganisations(actor('developer'))).toBe(false);
    expect(canImportProjects(actor('developer'))).toBe(true);
    expect(canImportInvestmentEvents(actor('developer'))).toBe(true);
    for (const role of ['leader', 'enterprise'] as const) {
      expect(canImportOrganisations(actor(role)), role).toBe(false);
      expect(canImportProjects(actor(role)), role).toBe(false);
      expect(canImportInvestmentEvents(actor(role)), role).toBe(false);
      expect(canExportOrganisations(actor(role)), role).toBe(true);
      expect(canExportProjects(actor(role)), role).toBe(true);
      expect(canExportInvestmentEvents(actor(role)), role).toBe(true);
    }
  });
});
