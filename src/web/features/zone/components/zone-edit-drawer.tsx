import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Typography,
  type FormInstance,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { toIsoDate } from '../../../../domain/format/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { NumberInput, VndInput } from '../../../components/ui/number-input';
import { ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { matchesFolded } from '../../../lib/text';
import { adminUnitLabel, useAllAdminUnits } from '../../admin-unit/api/admin-unit-api';
import {
  FIRE_SAFETY_STATUSES,
  useCcnTypes,
  useUpdateZone,
  WWTP_STATUSES,
  ZONE_KINDS,
  zoneKeys,
  type AuditEntry,
  type UpdateZoneInput,
  type ZoneConflict,
  type ZoneDetail,
} from '../api/zone-api';
import { DeveloperSelect } from './developer-select';
import { FieldChanges } from './zone-field-changes';
import { fieldLabel, fieldValueText } from './zone-fields';
import { LAST_DISTRICT_DAY } from './zone-filter-state';
import { FIRE_SAFETY_LABELS, KIND_LABELS, WWTP_LABELS } from './zone-labels';

/** The editable fields of the form, named as in the contract (`zoneFieldsSchema`). */
type Values = {
  name: string;
  kind: ZoneDetail['kind'];
  ccnTypeCode: string | null;
  phaseOfCode: string | null;
  communeCode: string | null;
  formerDistrictCode: string | null;
  formerCommuneCode: string | null;
  declaredAreaHa: number | null;
  industrialLandHa: number | null;
  infrastructureCompleteHa: number | null;
  leasedHa: number | null;
  approvedHa: number | null;
  priorityReservedHa: number | null;
  developerCode: string | null;
  managingAuthority: string | null;
  infraInvestmentApprovedVnd: string | null;
  infraInvestmentPaidVnd: string | null;
  wwtpStatus: ZoneDetail['wwtpStatus'];
  wwtpCapacityM3Day: number | null;
  fireSafetyStatus: ZoneDetail['fireSafetyStatus'];
  lat: number | null;
  lon: number | null;
  sourceStatusText: string | null;
  notes: string | null;
  sources: string[];
};
type Field = keyof Values;

function valuesOf(zone: ZoneDetail): Values {
  return {
    name: zone.name,
    kind: zone.kind,
    ccnTypeCode: zone.ccnTypeCode,
    phaseOfCode: zone.phaseOf?.code ?? null,
    communeCode: zone.communeCode,
    formerDistrictCode: zone.formerDistrictCode,
    formerCommuneCode: zone.formerCommuneCode,
    declaredAreaHa: zone.declaredAreaHa,
    industrialLandHa: zone.industrialLandHa,
    infrastructureCompleteHa: zone.infrastructureCompleteHa,
    leasedHa: zone.leasedHa,
    approvedHa: zone.approvedHa,
    priorityReservedHa: zone.priorityReservedHa,
    developerCode: zone.developerCode,
    managingAuthority: zone.managingAuthority,
    infraInvestmentApprovedVnd: zone.infraInvestmentApprovedVnd,
    infraInvestmentPaidVnd: zone.infraInvestmentPaidVnd,
    wwtpStatus: zone.wwtpStatus,
    wwtpCapacityM3Day: zone.wwtpCapacityM3Day,
    fireSafetyStatus: zone.fireSafetyStatus,
    lat: zone.lat,
    lon: zone.lon,
    sourceStatusText: zone.sourceStatusText,
    notes: zone.notes,
    sources: zone.sources,
  };
}

const FIELDS = Object.keys(valuesOf({ sources: [] } as unknown as ZoneDetail)) as Field[];

/** Empty text is "no value"; text is trimmed; numbers stay numbers; sources keep their order. */
function normalise(field: Field, value: unknown): unknown {
  if (value === undefined || value === null) return field === 'sources' ? [] : null;
  if (field === 'sources' && Array.isArray(value)) {
    return value.map((item) => String(item).trim()).filter(Boolean);
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    return field === 'developerCode' || field === 'phaseOfCode' ? trimmed.toUpperCase() : trimmed;
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields the user changed from `base`, with their normalised values: what PATCH sends. */
function changesFrom(base: Values, values: Partial<Values>): Partial<Values> {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (!(field in values)) continue;
    const next = normalise(field, values[field]);
    if (!same(next, normalise(field, base[field]))) out[field] = next;
  }
  return out as Partial<Values>;
}

function isConflict(error: unknown): error is ApiError & { details: ZoneConflict } {
  if (!(error instanceof ApiError) || error.status !== 409) return false;
  const current = error.details?.['current'];
  return typeof current === 'object' && current !== null && 'version' in current;
}

type Conflict = { current: ZoneDetail; changes: AuditEntry[]; mine: Partial<Values> };

/**
 * Sửa thông tin: only the fields the user changed are sent, with the version the form was opened on. If
 * someone saved in between, the server answers 409 with the zone as it is now and the changes made since:
 * the user sees who changed what and chooses — nothing is overwritten silently.
 */
export function ZoneEditDrawer({
  zone,
  open,
  onClose,
}: {
  zone: ZoneDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The version being edited: fixed when the drawer opens, so a background refresh cannot hide a conflict.
  const [base, setBase] = useState<ZoneDetail | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setBase(zone);
  }
  const editing = base ?? zone;

  function close(force = false) {
    const dirty = Object.keys(changesFrom(valuesOf(editing), form.getFieldsValue(true) as Values)).length > 0;
    if (!force && dirty) {
      modal.confirm({
        title: t('zone.edit.unsaved'),
        okText: t('zone.edit.discard'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => close(true),
      });
      return;
    }
    setBase(null);
    onClose();
  }

  return (
    <Drawer
      open={open}
      size={760}
      title={t('zone.editTitle', { name: editing.name })}
      onClose={() => close()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => close()}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid="zone-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {open ? (
        <ZoneEditForm
          form={form}
          base={editing}
          onRebase={setBase}
          onSaved={() => {
            setBase(null);
            onClose();
          }}
        />
      ) : null}
    </Drawer>
  );
}

function ZoneEditForm({
  form,
  base,
  onRebase,
  onSaved,
}: {
  form: FormInstance<Values>;
  base: ZoneDetail;
  onRebase: (zone: ZoneDetail) => void;
  onSaved: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const update = useUpdateZone(base.code);
  const today = useMemo(() => toIsoDate(new Date()), []);
  const communes = useAllAdminUnits('commune', today);
  const districts = useAllAdminUnits('district', LAST_DISTRICT_DAY);
  const formerCommunes = useAllAdminUnits('commune', LAST_DISTRICT_DAY);
  const ccnTypes = useCcnTypes();
  const [formError, setFormError] = useState<unknown>(null);
  const [otherErrors, setOtherErrors] = useState<[string, string][]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const top = useRef<HTMLDivElement>(null);
  /** Messages go above the form: bring them into view, wherever the user had scrolled to. */
  const showTop = () =>
    requestAnimationFrame(() => top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  const kind = Form.useWatch('kind', form);
  const formerDistrictCode = Form.useWatch('formerDistrictCode', form);
  const formerDistrictId = districts.data?.find((unit) => unit.code === formerDistrictCode)?.id;
  const folded = (input: string, option?: { label?: unknown }) =>
    matchesFolded(String(option?.label ?? ''), input);

  function submit(values: Values) {
    setFormError(null);
    setOtherErrors([]);
    setNotice(null);
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    const changes = changesFrom(valuesOf(base), values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('zone.noChanges'));
      return;
    }
    const input = { ...changes, version: base.version } as UpdateZoneInput;
    update.mutate(input, {
      onSuccess: () => {
        void message.success(t('zone.saved'));
        onSaved();
      },
      onError: (error) => {
        if (isConflict(error)) {
          const current = error.details.current;
          const changesSince = Array.isArray(error.details.changes) ? error.details.changes : [];
          queryClient.setQueryData(zoneKeys.detail(base.code), current);
          setConflict({ current, changes: changesSince, mine: changes });
          showTop();
          return;
        }
        const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
        if (fields.length === 0) {
          setFormError(error);
          showTop();
          return;
        }
        const known = fields.filter(([name]) => (FIELDS as string[]).includes(name.split('.')[0] ?? ''));
        form.setFields(
          known.map(([name, text]) => ({ name: (name.split('.')[0] ?? name) as Field, errors: [text] })),
        );
        const other = fields.filter((entry) => !known.includes(entry));
        setOtherErrors(other);
        if (other.length > 0) {
          showTop();
          return;
        }
        if (known.length > 0) {
          form.scrollToField((known[0]?.[0].split('.')[0] ?? 'name') as Field, { block: 'center' });
        }
      },
    });
  }

  function resolve(keepMine: boolean) {
    if (!conflict) return;
    const latest = valuesOf(conflict.current);
    form.resetFields();
    form.setFieldsValue(keepMine ? { ...latest, ...conflict.mine } : latest);
    onRebase(conflict.current);
    setConflict(null);
    setNotice(t(keepMine ? 'zone.conflict.reapplied' : 'zone.conflict.reloaded'));
    showTop();
  }

  const ctx = { t, format, locale };
  const overlap = conflict
    ? new Set(
        (Object.keys(conflict.mine) as Field[]).filter(
          (field) =>
            !same(
              normalise(field, valuesOf(conflict.current)[field]),
              normalise(field, valuesOf(base)[field]),
            ),
        ),
      )
    : new Set<Field>();

  return (
    <>
      <div ref={top} />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="zone-conflict"
          style={{ marginBottom: 16 }}
          title={t('zone.conflict.title')}
          description={
            <Flex vertical gap={12}>
              <span>{t('zone.conflict.description')}</span>
              {conflict.changes.length === 0 ? (
                <Typography.Text type="secondary">{t('zone.conflict.noDetail')}</Typography.Text>
              ) : (
                conflict.changes.map((entry) => (
                  <div key={entry.id}>
                    <Typography.Text strong>
                      {t('zone.conflict.by', {
                        actor: entry.actorName ?? t('audit.system'),
                        time: format.dateTime(entry.at),
                      })}
                    </Typography.Text>
                    <FieldChanges before={entry.before} after={entry.after} />
                  </div>
                ))
              )}
              <div>
                <Typography.Text strong>{t('zone.conflict.yours')}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {(Object.keys(conflict.mine) as Field[]).map((field) => (
                    <li key={field}>
                      {fieldLabel(field, t)}: {fieldValueText(field, conflict.mine[field], ctx)}
                      {overlap.has(field) ? (
                        <Typography.Text type="danger"> — {t('zone.conflict.overlap')}</Typography.Text>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
              <Flex gap={8} wrap>
                <Button type="primary" onClick={() => resolve(true)}>
                  {t('zone.conflict.reapply')}
                </Button>
                <Button onClick={() => resolve(false)}>{t('zone.conflict.reload')}</Button>
              </Flex>
            </Flex>
          }
        />
      ) : null}
      {notice ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={notice}
          closable={{ onClose: () => setNotice(null) }}
        />
      ) : null}
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      {otherErrors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('zone.edit.otherErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {otherErrors.map(([field, text]) => (
                <li key={field}>
                  {fieldLabel(field, t)}: {text}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<Values>
        form={form}
        name="zone-edit"
        layout="vertical"
        initialValues={valuesOf(base)}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          // A server message about a field holds until the user changes that field.
          form.setFields(Object.keys(changed).map((name) => ({ name: name as Field, errors: [] })));
          // Only clusters have a cluster type.
          if (changed.kind && changed.kind !== 'CCN') form.setFieldsValue({ ccnTypeCode: null });
        }}
        disabled={update.isPending}
        scrollToFirstError
      >
        <Divider titlePlacement="start">{t('zone.edit.general')}</Divider>
        <Form.Item
          label={t('zone.field.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('zone.nameRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.kind')} name="kind" rules={[{ required: true }]}>
              <Select
                options={ZONE_KINDS.filter((value) => (value === 'CCN') === (base.family === 'CCN')).map(
                  (value) => ({ value, label: t(KIND_LABELS[value]) }),
                )}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.ccnTypeCode')} name="ccnTypeCode">
              <Select
                allowClear
                disabled={kind !== 'CCN'}
                loading={ccnTypes.isPending}
                options={(ccnTypes.data ?? []).map((type) => ({ value: type.code, label: type.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.developerCode')} name="developerCode">
              <DeveloperSelect currentLabel={base.developerName} ariaLabel={t('zone.field.developerCode')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.phaseOfCode')} name="phaseOfCode" extra={t('zone.edit.codeHint')}>
              <Input maxLength={64} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('zone.field.managingAuthority')} name="managingAuthority">
          <Input maxLength={300} />
        </Form.Item>

        <Divider titlePlacement="start">{t('zone.edit.location')}</Divider>
        <Form.Item label={t('zone.field.communeCode')} name="communeCode">
          <Select
            allowClear
            placeholder={t('zone.edit.communePlaceholder')}
            loading={communes.isPending}
            showSearch={{ filterOption: folded }}
            options={(communes.data ?? []).map((unit) => ({
              value: unit.code,
              label: `${adminUnitLabel(unit)} (${unit.code})`,
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.formerDistrictCode')} name="formerDistrictCode">
              <Select
                allowClear
                placeholder={t('zone.edit.formerDistrictPlaceholder')}
                loading={districts.isPending}
                showSearch={{ filterOption: folded }}
                options={(districts.data ?? []).map((unit) => ({
                  value: unit.code,
                  label: `${adminUnitLabel(unit)} (${unit.code})`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.formerCommuneCode')} name="formerCommuneCode">
              <Select
                allowClear
                placeholder={t('zone.edit.formerCommunePlaceholder')}
                loading={formerCommunes.isPending}
                showSearch={{ filterOption: folded }}
                options={(formerCommunes.data ?? [])
                  .filter((unit) => !formerDistrictId || unit.parentId === formerDistrictId)
                  .map((unit) => ({
                    value: unit.code,
                    label: `${adminUnitLabel(unit)}${unit.parentName ? `, ${unit.parentName}` : ''} (${unit.code})`,
                  }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.lat')} name="lat" extra={t('zone.edit.latLonHint')}>
              <NumberInput min={-90} max={90} maxFractionDigits={6} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.lon')} name="lon">
              <NumberInput min={-180} max={180} maxFractionDigits={6} />
            </Form.Item>
          </Col>
        </Row>
        {communes.error || districts.error ? <ErrorAlert error={communes.error ?? districts.error} /> : null}

        <Divider titlePlacement="start">{t('zone.edit.areas')}</Divider>
        <Row gutter={12}>
          {(
            [
              'declaredAreaHa',
              'industrialLandHa',
              'infrastructureCompleteHa',
              'leasedHa',
              'approvedHa',
              'priorityReservedHa',
            ] as const
          ).map((field) => (
            <Col xs={24} sm={12} key={field}>
              <Form.Item label={t(`zone.field.${field}`)} name={field}>
                <NumberInput min={0} max={100_000} suffix="ha" />
              </Form.Item>
            </Col>
          ))}
        </Row>

        <Divider titlePlacement="start">{t('zone.edit.infrastructure')}</Divider>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.wwtpStatus')} name="wwtpStatus">
              <Select
                allowClear
                options={WWTP_STATUSES.map((value) => ({ value, label: t(WWTP_LABELS[value]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.wwtpCapacityM3Day')} name="wwtpCapacityM3Day">
              <NumberInput min={0} maxFractionDigits={2} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.fireSafetyStatus')} name="fireSafetyStatus">
              <Select
                allowClear
                options={FIRE_SAFETY_STATUSES.map((value) => ({
                  value,
                  label: t(FIRE_SAFETY_LABELS[value]),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('zone.edit.investment')}</Divider>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.infraInvestmentApprovedVnd')} name="infraInvestmentApprovedVnd">
              <VndInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.field.infraInvestmentPaidVnd')} name="infraInvestmentPaidVnd">
              <VndInput />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('zone.edit.sources')}</Divider>
        <Form.Item label={t('zone.field.sources')} name="sources" extra={t('zone.edit.sourcesHint')}>
          <Select mode="tags" open={false} tokenSeparators={['\n']} suffixIcon={null} />
        </Form.Item>
        <Form.Item label={t('zone.field.sourceStatusText')} name="sourceStatusText">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('zone.field.notes')} name="notes">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} />
        </Form.Item>
      </Form>
    </>
  );
}
