import { describe, expect, it } from 'vitest';
import { roleDefinition, type Actor, type RoleCode, type ScopeKind } from '../../domain/identity/roles';
import { canFile, canReadFiling, canReview, filesOnBehalf, type FilingFacts } from './filing.policy';

const actor = (role: RoleCode, scopeKind: ScopeKind, scopeRef: string | null): Actor => ({
  userId: `${role}-${scopeRef ?? 'all'}`,
  username: role,
  assignments: [{ role, scopeKind, scopeRef }],
  permissions: new Set(roleDefinition(role).permissions),
});

/** A tenant's Biểu 01 in cluster CCN-A (developer DEV-A), and the cluster's own Biểu 02. */
const tenantB01: FilingFacts = {
  family: 'CCN',
  zoneCode: 'CCN-A',
  communeCode: '00454',
  reporterOrgCode: 'ORG-T',
  developerOrgCode: 'DEV-A',
};
const clusterB02: FilingFacts = { ...tenantB01, reporterOrgCode: 'DEV-A' };
const otherClusterB01: FilingFacts = { ...tenantB01, zoneCode: 'CCN-B', developerOrgCode: 'DEV-B' };

describe('who may file a tenant’s Biểu 01', () => {
  it('the tenant itself, not another enterprise', () => {
    expect(canFile(actor('enterprise', 'organisation', 'ORG-T'), tenantB01)).toBe(true);
    expect(canFile(actor('enterprise', 'organisation', 'ORG-X'), tenantB01)).toBe(false);
    expect(filesOnBehalf(actor('enterprise', 'organisation', 'ORG-T'), tenantB01)).toBe(false);
  });

  it('the developer of the tenant’s own cluster, on the tenant’s behalf', () => {
    const developer = actor('developer', 'organisation', 'DEV-A');
    expect(canFile(developer, tenantB01)).toBe(true);
    expect(filesOnBehalf(developer, tenantB01)).toBe(true);
    // Its own Biểu 02 is not on anyone's behalf.
    expect(canFile(developer, clusterB02)).toBe(true);
    expect(filesOnBehalf(developer, clusterB02)).toBe(false);
  });

  it('a developer scoped to the zone files for that zone’s tenants only', () => {
    const zoneDeveloper = actor('developer', 'zone', 'CCN-A');
    expect(canFile(zoneDeveloper, tenantB01)).toBe(true);
    expect(canFile(zoneDeveloper, otherClusterB01)).toBe(false);
  });

  it('never for tenants of another developer’s cluster', () => {
    const developer = actor('developer', 'organisation', 'DEV-A');
    expect(canFile(developer, otherClusterB01)).toBe(false);
    expect(filesOnBehalf(developer, otherClusterB01)).toBe(false);
    // A zone without a recorded developer has nobody to file on behalf of its tenants.
    expect(canFile(developer, { ...tenantB01, developerOrgCode: null })).toBe(false);
    expect(canFile(actor('developer', 'organisation', 'DEV-B'), tenantB01)).toBe(false);
  });

  it('reviewers and leaders read but do not file; the administrator files', () => {
    const officer = actor('commune_officer', 'commune', '00454');
    expect(canFile(officer, tenantB01)).toBe(false);
    expect(canReview(officer, tenantB01)).toBe(true);
    expect(canFile(actor('leader', 'all', null), tenantB01)).toBe(false);
    expect(canReadFiling(actor('leader', 'all', null), tenantB01)).toBe(true);
    const admin = actor('system_admin', 'all', null);
    expect(canFile(admin, tenantB01)).toBe(true);
    expect(filesOnBehalf(admin, tenantB01)).toBe(false);
  });
});
