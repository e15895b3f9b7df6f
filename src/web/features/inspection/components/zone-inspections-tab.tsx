import { App, Button, Card, Col, Empty, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { PageLoader } from '../../../components/ui/page-loader';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import {
  useInspectionKinds,
  useRemedyFinding,
  useZoneInspections,
  type Finding,
  type Inspection,
  type InspectionKind,
} from '../api/inspection-api';
import { InspectionForm } from './inspection-form';

/** Thanh tra: the zone's inspections with their findings and follow-up; agencies record and follow up. */
export function ZoneInspectionsTab({ code, extra }: { code: string; extra?: ReactNode }) {
  const t = useT();
  const inspections = useZoneInspections(code);
  const kinds = useInspectionKinds();
  if (inspections.isPending) return <PageLoader />;
  if (inspections.error) {
    return (
      <ErrorAlert
        error={inspections.error}
        action={<Button onClick={() => void inspections.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const data = inspections.data;
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={data.canRecord ? 15 : 24}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('inspection.title')}>
            {data.canRecord ? null : (
              <Typography.Paragraph type="secondary">{t('inspection.readOnly')}</Typography.Paragraph>
            )}
            {data.inspections.length === 0 ? (
              <Empty description={t('inspection.empty')} />
            ) : (
              <Flex vertical gap={12} data-testid="inspection-list">
                {data.inspections.map((i) => (
                  <InspectionCard
                    key={i.id}
                    code={code}
                    inspection={i}
                    kind={kinds.data?.find((k) => k.code === i.kindCode)}
                    canRecord={data.canRecord}
                  />
                ))}
              </Flex>
            )}
          </Card>
          {extra}
        </Flex>
      </Col>
      {data.canRecord ? (
        <Col xs={24} xl={9}>
          <InspectionForm code={code} />
        </Col>
      ) : null}
    </Row>
  );
}

function InspectionCard({
  code,
  inspection,
  kind,
  canRecord,
}: {
  code: string;
  inspection: Inspection;
  kind: InspectionKind | undefined;
  canRecord: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const label = (itemCode: string | null) => {
    const item = kind?.items.find((x) => x.code === itemCode);
    return item ? (locale === 'vi' ? item.labelVi : item.labelEn) : null;
  };
  const failed = inspection.results.filter((r) => !r.passed);
  return (
    <Card
      size="small"
      type="inner"
      data-testid="inspection-card"
      title={
        <Flex gap={8} wrap align="center">
          <span>{kind ? (locale === 'vi' ? kind.nameVi : kind.nameEn) : inspection.kindCode}</span>
          <Typography.Text type="secondary">{format.date(inspection.inspectedOn)}</Typography.Text>
          {failed.length ? (
            <Tag color="red">{t('inspection.failedCount', { count: failed.length })}</Tag>
          ) : (
            <Tag color="green">{t('inspection.allPassed')}</Tag>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={6}>
        <span>
          {inspection.agency}
          {inspection.decisionNo ? ` — ${inspection.decisionNo}` : ''}
          {inspection.projectCode ? ` — ${inspection.projectCode}` : ''}
        </span>
        {inspection.conclusion ? <Typography.Text>{inspection.conclusion}</Typography.Text> : null}
        {inspection.findings.length ? (
          <Typography.Text strong>{t('inspection.findingsTitle')}</Typography.Text>
        ) : null}
        {inspection.findings.map((f) => (
          <FindingRow
            key={f.id}
            code={code}
            inspectionId={inspection.id}
            finding={f}
            itemLabel={label(f.itemCode)}
            canRecord={canRecord}
          />
        ))}
        {inspection.penalties.map((p) => (
          <Typography.Text key={p.id}>
            {t('inspection.penalty', {
              no: p.decisionNo,
              date: format.date(p.decidedOn),
              amount: format.money(Number(p.amountVnd), 'VND'),
            })}
          </Typography.Text>
        ))}
      </Flex>
    </Card>
  );
}

function FindingRow({
  code,
  inspectionId,
  finding,
  itemLabel,
  canRecord,
}: {
  code: string;
  inspectionId: string;
  finding: Finding;
  itemLabel: string | null;
  canRecord: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  let status;
  if (finding.remediedOn) {
    status = (
      <Tag color="green">
        {t('inspection.remediedOn', {
          date: format.date(finding.remediedOn),
          evidence: finding.evidence ?? '',
        })}
      </Tag>
    );
  } else if (finding.overdue) status = <Tag color="red">{t('inspection.overdue')}</Tag>;
  else status = <Tag color="gold">{t('inspection.open')}</Tag>;
  return (
    <Flex vertical gap={4} data-testid="finding" style={{ paddingLeft: 8, borderLeft: '3px solid #f0f0f0' }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>
          {itemLabel && itemLabel !== finding.description
            ? `${itemLabel}: ${finding.description}`
            : finding.description}
        </Typography.Text>
        {finding.deadline ? (
          <Typography.Text type="secondary">
            {t('inspection.dueOn', { date: format.date(finding.deadline) })}
          </Typography.Text>
        ) : null}
        {status}
        {canRecord && !finding.remediedOn && !open ? (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('inspection.remedy')}
          </Button>
        ) : null}
      </Flex>
      {finding.action ? <Typography.Text type="secondary">{finding.action}</Typography.Text> : null}
      {open ? (
        <div data-testid="remedy-form">
          <RemedyForm
            code={code}
            inspectionId={inspectionId}
            finding={finding}
            onDone={() => setOpen(false)}
          />
        </div>
      ) : null}
    </Flex>
  );
}

function RemedyForm({
  code,
  inspectionId,
  finding,
  onDone,
}: {
  code: string;
  inspectionId: string;
  finding: Finding;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const remedy = useRemedyFinding(code);
  const [error, setError] = useState<unknown>(null);
  const required = [{ required: true, message: t('inspection.required') }];
  return (
    <Form
      layout="inline"
      requiredMark={false}
      onFinish={(values: { remediedOn: string; evidence: string }) =>
        remedy.mutate(
          { inspectionId, findingId: finding.id, input: { ...values, version: finding.version } },
          {
            onSuccess: () => {
              void message.success(t('inspection.remedied'));
              onDone();
            },
            onError: setError,
          },
        )
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form.Item name="remediedOn" label={t('inspection.remedyDate')} rules={required}>
        <IsoDatePicker />
      </Form.Item>
      <Form.Item name="evidence" label={t('inspection.evidence')} rules={required}>
        <Input maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit" type="primary" size="small" loading={remedy.isPending}>
        {t('inspection.remedy')}
      </Button>
    </Form>
  );
}
