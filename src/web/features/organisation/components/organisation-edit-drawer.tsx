import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { normaliseValue } from '../../../components/record-form/record-form';
import { RecordEditDrawer } from '../../../components/record-form/record-edit-drawer';
import { ConflictNotice } from '../../../components/record-history/record-history';
import { countryOptions } from '../../../lib/countries';
import { useLocale, useT } from '../../../lib/i18n';
import { matchesFolded } from '../../../lib/text';
import { ownershipLabel } from '../../../components/zone/zone-labels';
import {
  organisationKeys,
  ORGANISATION_ROLES,
  OWNERSHIPS,
  useCreateOrganisation,
  useUpdateOrganisation,
  type CreateOrganisationInput,
  type OrganisationDetail,
  type OrganisationRole,
  type Ownership,
  type UpdateOrganisationInput,
} from '../api/organisation-api';
import { organisationVocabulary, ROLE_LABELS } from './organisation-labels';

/** The form's fields, named as in the contract (`organisationFieldsSchema`, plus `code` when creating). */
type Values = {
  code: string;
  name: string;
  nameEn: string | null;
  taxCode: string | null;
  country: string;
  ownership: Ownership | null;
  roles: OrganisationRole[];
  address: string | null;
  sources: string[];
};
type Field = keyof Values;

const EDIT_FIELDS = [
  'name',
  'nameEn',
  'taxCode',
  'country',
  'ownership',
  'roles',
  'address',
  'sources',
] as const satisfies readonly Field[];
const ALL_FIELDS: readonly Field[] = ['code', ...EDIT_FIELDS];

const EMPTY: Values = {
  code: '',
  name: '',
  nameEn: null,
  taxCode: null,
  country: 'VN',
  ownership: null,
  roles: ['tenant'],
  address: null,
  sources: [],
};

function valuesOf(org: OrganisationDetail): Values {
  return {
    code: org.code,
    name: org.name,
    nameEn: org.nameEn,
    taxCode: org.taxCode,
    country: org.country,
    ownership: org.ownership,
    roles: org.roles,
    address: org.address,
    sources: org.sources,
  };
}

type Props =
  | { mode: 'create'; open: boolean; onClose: () => void; onSaved: (org: OrganisationDetail) => void }
  | { mode: 'edit'; organisation: OrganisationDetail; open: boolean; onClose: () => void };

/** What the create form sends, its text normalised. */
function createInput(values: Values): CreateOrganisationInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    nameEn: normaliseValue(values.nameEn) as string | null,
    taxCode: normaliseValue(values.taxCode) as string | null,
    country: values.country,
    ownership: values.ownership ?? null,
    roles: values.roles,
    address: normaliseValue(values.address) as string | null,
    sources: normaliseValue(values.sources) as string[],
  };
}

/**
 * Thêm / sửa tổ chức. Editing sends only the changed fields with the version the drawer was opened on; a
 * stale edit comes back as 409 with the organisation as it is now and who changed what, and the user
 * chooses — nothing is overwritten silently. The server's messages (e.g. a wrong MST check digit) appear
 * beside their fields, in Vietnamese.
 */
export function OrganisationEditDrawer(props: Props) {
  const t = useT();
  const locale = useLocale();
  const record = props.mode === 'edit' ? props.organisation : null;
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(record?.code ?? '');
  const vocabulary = useMemo(() => organisationVocabulary(t, locale), [t, locale]);
  return (
    <RecordEditDrawer<Values, OrganisationDetail>
      open={props.open}
      onClose={props.onClose}
      record={record}
      title={(editing) =>
        editing ? t('organisation.editTitle', { name: editing.name }) : t('organisation.add')
      }
      size={640}
      formName="organisation-edit"
      saveTestId="organisation-save"
      fields={ALL_FIELDS}
      editFields={EDIT_FIELDS}
      valuesOf={valuesOf}
      empty={EMPTY}
      create={(values) => create.mutateAsync(createInput(values))}
      update={(changes, version) => update.mutateAsync({ ...changes, version } as UpdateOrganisationInput)}
      pending={create.isPending || update.isPending}
      messages={{
        created: t('organisation.created'),
        saved: t('organisation.saved'),
        conflictTitle: t('organisation.conflict.title'),
      }}
      detailKey={organisationKeys.detail}
      fieldLabel={vocabulary.fieldLabel}
      renderConflict={(stale) => (
        <ConflictNotice testId="organisation-conflict" vocabulary={vocabulary} {...stale} />
      )}
      onSaved={(org) => (props.mode === 'create' ? props.onSaved(org) : props.onClose())}
    >
      {({ base }) => <OrganisationFields base={base} />}
    </RecordEditDrawer>
  );
}

/** The form items; `base` is the organisation being edited, or null when creating one. */
function OrganisationFields({ base }: { base: OrganisationDetail | null }) {
  const t = useT();
  const locale = useLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const folded = (input: string, option?: { label?: ReactNode }) =>
    matchesFolded(String(option?.label ?? ''), input);

  return (
    <>
      {base ? null : (
        <Form.Item
          label={t('organisation.field.code')}
          name="code"
          extra={t('organisation.codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('organisation.codeRequired') },
            { pattern: /^\s*[A-Za-z0-9][A-Za-z0-9-]{0,63}\s*$/, message: t('organisation.codeFormat') },
          ]}
        >
          <Input maxLength={64} autoComplete="off" spellCheck={false} />
        </Form.Item>
      )}
      <Form.Item
        label={t('organisation.field.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('organisation.nameRequired') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item label={t('organisation.field.nameEn')} name="nameEn">
        <Input maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('organisation.field.taxCode')}
            name="taxCode"
            extra={t('organisation.taxCodeHint')}
          >
            <Input maxLength={20} autoComplete="off" inputMode="numeric" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('organisation.field.country')}
            name="country"
            rules={[{ required: true, message: t('organisation.countryRequired') }]}
          >
            <Select showSearch={{ filterOption: folded }} options={countries} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('organisation.field.ownership')} name="ownership">
            <Select
              allowClear
              placeholder={t('organisation.ownershipUnknown')}
              options={OWNERSHIPS.map((value) => ({ value, label: ownershipLabel(value, t) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('organisation.field.roles')}
            name="roles"
            rules={[{ required: true, type: 'array', min: 1, message: t('organisation.rolesRequired') }]}
          >
            <Select
              mode="multiple"
              options={ORGANISATION_ROLES.map((value) => ({ value, label: t(ROLE_LABELS[value]) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('organisation.field.address')} name="address">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('organisation.field.sources')} name="sources" extra={t('form.sourcesHint')}>
        <Select mode="tags" open={false} tokenSeparators={['\n']} suffixIcon={null} />
      </Form.Item>
    </>
  );
}
