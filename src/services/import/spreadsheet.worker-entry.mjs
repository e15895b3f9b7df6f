// The reading threads' entry (spreadsheet-pool.ts): plain JavaScript, because a new thread knows no TypeScript
// until tsx's loader is registered in it — then it hands over to the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { default: readRows } = await import('./spreadsheet.worker.ts');
export default readRows;
