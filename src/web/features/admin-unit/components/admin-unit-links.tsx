import { Flex, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { adminUnitLabel, type AdminUnitLink } from '../api/admin-unit-api';

/** Predecessors or successors as links; "một phần" marks a unit that took over only part of the territory. */
export function AdminUnitLinks({
  links,
  hrefFor,
}: {
  links: AdminUnitLink[];
  hrefFor: (id: string) => string;
}) {
  const t = useT();
  if (links.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {links.map((link) => (
        <span key={link.id}>
          <Link to={hrefFor(link.id)}>{adminUnitLabel(link)}</Link>{' '}
          <Typography.Text type="secondary">({link.code})</Typography.Text>
          {link.partial ? (
            <Tooltip title={t('adminUnit.partialHint')}>
              <Tag color="orange" style={{ marginInlineStart: 8 }}>
                {t('adminUnit.partial')}
              </Tag>
            </Tooltip>
          ) : null}
        </span>
      ))}
    </Flex>
  );
}
