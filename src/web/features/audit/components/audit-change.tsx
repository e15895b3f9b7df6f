import { Col, Row, Space, Tag, Typography } from 'antd';
import { RequestIdText } from '../../../components/ui/error-alert';
import { useT } from '../../../lib/i18n';
import type { AuditEntry } from '../api/audit-api';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level fields whose value differs between the two versions (all fields when one side is missing). */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isPlainObject(before) && !isPlainObject(after)) return [];
  const left = isPlainObject(before) ? before : {};
  const right = isPlainObject(after) ? after : {};
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key])).sort();
}

function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const t = useT();
  return (
    <section aria-label={label}>
      <Typography.Text strong>{label}</Typography.Text>
      {value === null || value === undefined ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('audit.noValue')}
        </Typography.Paragraph>
      ) : (
        <pre
          style={{
            marginTop: 8,
            padding: 12,
            background: 'rgba(0, 0, 0, 0.03)',
            border: '1px solid rgba(0, 0, 0, 0.06)',
            borderRadius: 6,
            maxHeight: 420,
            overflow: 'auto',
            fontSize: 12,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
          }}
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </section>
  );
}

/** The record before and after the change, side by side, with the changed fields named first. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changed = changedFields(entry.before, entry.after);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {changed.length > 0 ? (
        <div>
          <Typography.Text type="secondary">{t('audit.changedFields')}: </Typography.Text>
          {changed.map((field) => (
            <Tag key={field}>{field}</Tag>
          ))}
        </div>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <JsonBlock value={entry.before} label={t('audit.before')} />
        </Col>
        <Col xs={24} md={12}>
          <JsonBlock value={entry.after} label={t('audit.after')} />
        </Col>
      </Row>
      {entry.requestId ? <RequestIdText requestId={entry.requestId} /> : null}
    </Space>
  );
}
