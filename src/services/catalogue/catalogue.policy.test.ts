import { describe, expect, it } from 'vitest';
import { permissions, type Actor } from '../../domain/identity/roles';
import { canManageCatalogue, canPublishZone } from './catalogue.policy';

const actor = (role: string, scopeKind: string, scopeRef: string | null): Actor =>
  ({
    userId: 'u',
    username: role,
    assignments: [{ role, scopeKind, scopeRef }],
    permissions: new Set(permissions),
  }) as unknown as Actor;

const cluster = { family: 'CCN' as const, communeCode: '00001' };
const park = { family: 'KCN' as const, communeCode: '00001' };

describe('who publishes a zone in the catalogue', () => {
  it('lets a department officer publish the zones of their family only', () => {
    expect(canPublishZone(actor('department_officer', 'family', 'CCN'), cluster)).toBe(true);
    expect(canPublishZone(actor('department_officer', 'family', 'CCN'), park)).toBe(false);
  });

  it('lets a commune officer publish the zones on their commune only', () => {
    expect(canPublishZone(actor('commune_officer', 'commune', '00001'), cluster)).toBe(true);
    expect(canPublishZone(actor('commune_officer', 'commune', '00002'), cluster)).toBe(false);
  });

  it('lets the system administrator publish any zone and refuses developers and leaders', () => {
    expect(canPublishZone(actor('system_admin', 'all', null), park)).toBe(true);
    expect(canPublishZone(actor('developer', 'organisation', 'DEV'), park)).toBe(false);
    expect(canPublishZone(actor('leader', 'all', null), park)).toBe(false);
    expect(canManageCatalogue(actor('developer', 'organisation', 'DEV'))).toBe(false);
  });

  it('refuses an officer without the right to manage zones', () => {
    const officer = actor('department_officer', 'family', 'CCN');
    expect(canPublishZone({ ...officer, permissions: new Set() } as Actor, cluster)).toBe(false);
  });
});
