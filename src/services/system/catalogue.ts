import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { role, rolePermission } from '../../db/schema/identity';
import { roleCatalog } from '../../domain/identity/roles';

/**
 * Brings the role catalogue in the database in line with the one this build defines (domain/identity/
 * roles.ts). Runs at every start, after migrations; idempotent.
 */
export async function syncRoleCatalogue(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of roleCatalog) {
      await tx
        .insert(role)
        .values({ code: r.code, nameVi: r.nameVi, nameEn: r.nameEn, scopeKinds: [...r.scopeKinds] })
        .onConflictDoUpdate({
          target: role.code,
          set: { nameVi: r.nameVi, nameEn: r.nameEn, scopeKinds: [...r.scopeKinds] },
        });
      await tx.delete(rolePermission).where(sql`${rolePermission.roleCode} = ${r.code}`);
      await tx
        .insert(rolePermission)
        .values(r.permissions.map((permission) => ({ roleCode: r.code, permission })));
    }
  });
}
