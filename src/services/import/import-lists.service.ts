import type { ImportEntity } from '../../domain/import/import.schema';
import { requireActor, type ServiceDeps } from '../deps';
import { importableEntities } from './import.policy';

/** The lists the signed-in user may import (the import page offers only these). */
export function listImportable(deps: ServiceDeps): { entities: ImportEntity[] } {
  return { entities: importableEntities(requireActor(deps)) };
}
