import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DataTable } from '../../../components/data-table/data-table';
import type { SortDirection } from '../../../components/data-table/use-table-state';
import { useT } from '../../../lib/i18n';
import { useProjects, type ProjectFilters, type ProjectSort, type ProjectSummary } from '../api/project-api';
import { useProjectColumns, type ProjectColumnKey } from './project-columns';
import { projectPagePath } from '../../../lib/paths';

/**
 * The projects matching fixed filters (an investor's, a zone's), paged and sorted on the server; its place
 * stays on the page it is shown in rather than in the address.
 */
export function ProjectsTable({
  filters,
  hide = [],
}: {
  filters: ProjectFilters;
  hide?: readonly ProjectColumnKey[];
}) {
  const t = useT();
  const navigate = useNavigate();
  const [place, setPlace] = useState<{
    page: number;
    pageSize: number;
    sort: ProjectSort;
    order: SortDirection;
  }>({ page: 1, pageSize: 20, sort: 'code', order: 'asc' });
  const projects = useProjects({ ...filters, ...place });
  const columns = useProjectColumns(hide);
  return (
    <DataTable<ProjectSummary, ProjectSort>
      testId="projects-table"
      rowKey="code"
      size="small"
      state={{
        ...place,
        pageSizeOptions: [20, 50, 100],
        setPaging: (page, pageSize) => setPlace({ ...place, page, pageSize }),
        setSort: (sort, order) =>
          setPlace({ ...place, page: 1, sort: sort ?? 'code', order: sort ? order : 'asc' }),
      }}
      query={projects}
      columns={columns}
      hideOnSinglePage
      emptyText={t('project.emptyNoFilter')}
      onRowClick={(project) => void navigate(projectPagePath(project.code))}
    />
  );
}
