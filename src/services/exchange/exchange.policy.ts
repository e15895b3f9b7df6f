import type { Actor } from '../../domain/identity/roles';

/**
 * Who takes in and reads the provinces' Biểu 04 exchange packages: the department officers (who compile and
 * sign Biểu 04 themselves) and the system administrator. Exporting follows the signed report's own reading
 * rights (compilation.service.ts).
 */
export function canReceiveExchange(actor: Actor): boolean {
  return actor.assignments.some((a) => a.role === 'department_officer' || a.role === 'system_admin');
}
