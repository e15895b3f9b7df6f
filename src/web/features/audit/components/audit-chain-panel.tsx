import { Alert, Button, Card, Flex, Typography } from 'antd';
import type { AuditBreakReason } from '../../../../domain/audit/audit.schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/messages';
import { useAuditChainHead, useVerifyAuditChain, type AuditChainHead } from '../api/audit-api';

const reasonKeys: Record<AuditBreakReason, MessageKey> = {
  content: 'audit.chain.reason.content',
  link: 'audit.chain.reason.link',
  sequence: 'audit.chain.reason.sequence',
  head: 'audit.chain.reason.head',
  anchor: 'audit.chain.reason.anchor',
};

/** The head as a JSON file, to keep outside the server (the same shape `izis audit verify --head` reads). */
function downloadHead(head: AuditChainHead) {
  const body = JSON.stringify({ ...head, exportedAt: new Date().toISOString() }, null, 2);
  const url = URL.createObjectURL(new Blob([`${body}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `izis-audit-head-${head.seq}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Tính toàn vẹn của nhật ký: check the hash chain and export its head. */
export function AuditChainPanel() {
  const t = useT();
  const format = useFormat();
  const head = useAuditChainHead();
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <Card size="small" title={t('audit.chain.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('audit.chain.explain')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center">
        <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.chain.verify')}
        </Button>
        <Button disabled={!head.data} onClick={() => head.data && downloadHead(head.data)}>
          {t('audit.chain.exportHead')}
        </Button>
        {head.data ? (
          <Typography.Text type="secondary">
            {t('audit.chain.head', { seq: format.number(head.data.seq) })}{' '}
            <Typography.Text code copyable={{ text: head.data.hash }}>
              {head.data.hash.slice(0, 16)}…
            </Typography.Text>
          </Typography.Text>
        ) : null}
      </Flex>
      {verify.error ? <ErrorAlert error={verify.error} /> : null}
      {head.error ? <ErrorAlert error={head.error} /> : null}
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          role="status"
          type={result.ok ? 'success' : 'error'}
          showIcon
          message={
            result.ok
              ? t('audit.chain.ok', { checked: format.number(result.checked) })
              : t('audit.chain.broken', {
                  row: result.firstBreak?.id
                    ? t('audit.chain.row', {
                        id: result.firstBreak.id,
                        seq: format.number(result.firstBreak.seq),
                      })
                    : t('audit.chain.seq', { seq: format.number(result.firstBreak?.seq ?? 0) }),
                })
          }
          description={result.firstBreak ? t(reasonKeys[result.firstBreak.reason]) : undefined}
        />
      ) : null}
    </Card>
  );
}
