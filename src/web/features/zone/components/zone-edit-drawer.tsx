import { Button, Col, Divider, Flex, Form, Input, Row, Select, Typography, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { toIsoDate } from '../../../../domain/format/format';
import { RecordEditDrawer, type StaleEdit } from '../../../components/record-form/record-edit-drawer';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { NumberInput, VndInput } from '../../../components/ui/number-input';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { matchesFolded } from '../../../lib/text';
import { adminUnitLabel, useAllAdminUnits } from '../../../lib/admin-units';
import {
  FIRE_SAFETY_STATUSES,
  useCcnTypes,
  useUpdateZone,
  WWTP_STATUSES,
  ZONE_KINDS,
  zoneKeys,
  type UpdateZoneInput,
  type ZoneDetail,
} from '../api/zone-api';
import { DeveloperSelect } from './developer-select';
import { FieldChanges } from './zone-field-changes';
import { fieldLabel, fieldValueText } from './zone-fields';
import { LAST_DISTRICT_DAY } from './zone-filter-state';
import { FIRE_SAFETY_LABELS, KIND_LABELS, WWTP_LABELS } from '../../../components/zone/zone-labels';

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
  const update = useUpdateZone(zone.code);
  return (
    <RecordEditDrawer<Values, ZoneDetail>
      open={open}
      onClose={onClose}
      record={zone}
      title={(editing) => t('zone.editTitle', { name: (editing ?? zone).name })}
      size={760}
      formName="zone-edit"
      saveTestId="zone-save"
      fields={FIELDS}
      editFields={FIELDS}
      valuesOf={valuesOf}
      empty={valuesOf(zone)}
      diff={changesFrom}
      update={(changes, version) => update.mutateAsync({ ...changes, version } as UpdateZoneInput)}
      pending={update.isPending}
      messages={{ saved: t('zone.saved'), conflictTitle: t('zone.conflict.title') }}
      detailKey={zoneKeys.detail}
      fieldLabel={(field) => fieldLabel(field, t)}
      renderConflict={(stale) => <ZoneConflictNotice {...stale} />}
      onValuesChange={(changed, form) => {
        // Only clusters have a cluster type.
        if (changed.kind && changed.kind !== 'CCN') form.setFieldsValue({ ccnTypeCode: null });
      }}
      onSaved={onClose}
    >
      {({ form, base }) => <ZoneFields form={form} base={base ?? zone} />}
    </RecordEditDrawer>
  );
}

/** Who changed the zone since it was opened, field by field with the zone's own names, and the two ways on. */
function ZoneConflictNotice({ changes, mine, overlap, onReapply, onReload }: StaleEdit<Values>) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const ctx = { t, format, locale };
  return (
    <Flex vertical gap={12} data-testid="zone-conflict">
      <span>{t('zone.conflict.description')}</span>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">{t('zone.conflict.noDetail')}</Typography.Text>
      ) : (
        changes.map((entry) => (
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
          {(Object.keys(mine) as Field[]).map((field) => (
            <li key={field}>
              {fieldLabel(field, t)}: {fieldValueText(field, mine[field], ctx)}
              {overlap.has(field) ? (
                <Typography.Text type="danger"> — {t('zone.conflict.overlap')}</Typography.Text>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <Flex gap={8} wrap>
        <Button type="primary" onClick={onReapply}>
          {t('zone.conflict.reapply')}
        </Button>
        <Button onClick={onReload}>{t('zone.conflict.reload')}</Button>
      </Flex>
    </Flex>
  );
}

/** The form items, by section. */
function ZoneFields({ form, base }: { form: FormInstance<Values>; base: ZoneDetail }) {
  const t = useT();
  const today = useMemo(() => toIsoDate(new Date()), []);
  const communes = useAllAdminUnits('commune', today);
  const districts = useAllAdminUnits('district', LAST_DISTRICT_DAY);
  const formerCommunes = useAllAdminUnits('commune', LAST_DISTRICT_DAY);
  const ccnTypes = useCcnTypes();
  const kind = Form.useWatch('kind', form);
  const formerDistrictCode = Form.useWatch('formerDistrictCode', form);
  const formerDistrictId = districts.data?.find((unit) => unit.code === formerDistrictCode)?.id;
  const folded = (input: string, option?: { label?: unknown }) =>
    matchesFolded(String(option?.label ?? ''), input);

  return (
    <>
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
    </>
  );
}
