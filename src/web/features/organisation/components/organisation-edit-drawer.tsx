import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import {
  changesFrom,
  conflictOf,
  normaliseValue,
  sameValue,
  showFieldErrors,
} from '../../../components/record-form/record-form';
import { ConflictNotice } from '../../../components/record-history/record-history';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { countryOptions } from '../../../lib/countries';
import { useLocale, useT } from '../../../lib/i18n';
import { matchesFolded } from '../../../lib/text';
import { ownershipLabel } from '../../zone/components/zone-labels';
import {
  organisationKeys,
  ORGANISATION_ROLES,
  OWNERSHIPS,
  useCreateOrganisation,
  useUpdateOrganisation,
  type AuditEntry,
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

/**
 * Thêm / sửa tổ chức. Editing sends only the changed fields with the version the drawer was opened on; a
 * stale edit comes back as 409 with the organisation as it is now and who changed what, and the user
 * chooses — nothing is overwritten silently. The server's messages (e.g. a wrong MST check digit) appear
 * beside their fields, in Vietnamese.
 */
export function OrganisationEditDrawer(props: Props) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const current = props.mode === 'edit' ? props.organisation : null;
  // The version being edited: fixed when the drawer opens, so a background refresh cannot hide a conflict.
  const [base, setBase] = useState<OrganisationDetail | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setBase(current);
  }
  const editing = base ?? current;
  const initial = editing ? valuesOf(editing) : EMPTY;

  function close(force = false) {
    const values = form.getFieldsValue(true) as Values;
    const dirty = Object.keys(changesFrom(ALL_FIELDS, initial, values)).length > 0;
    if (!force && dirty) {
      modal.confirm({
        title: t('form.unsaved'),
        okText: t('form.discard'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => close(true),
      });
      return;
    }
    setBase(null);
    props.onClose();
  }

  return (
    <Drawer
      open={props.open}
      size={640}
      title={editing ? t('organisation.editTitle', { name: editing.name }) : t('organisation.add')}
      onClose={() => close()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => close()}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid="organisation-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {props.open ? (
        <OrganisationForm
          form={form}
          base={editing}
          onRebase={setBase}
          onSaved={(org) => {
            setBase(null);
            if (props.mode === 'create') props.onSaved(org);
            else props.onClose();
          }}
        />
      ) : null}
    </Drawer>
  );
}

type Conflict = { current: OrganisationDetail; changes: AuditEntry[]; mine: Partial<Values> };

function OrganisationForm({
  form,
  base,
  onRebase,
  onSaved,
}: {
  form: FormInstance<Values>;
  /** The organisation being edited, or null when creating one. */
  base: OrganisationDetail | null;
  onRebase: (org: OrganisationDetail) => void;
  onSaved: (org: OrganisationDetail) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(base?.code ?? '');
  const pending = create.isPending || update.isPending;
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const vocabulary = useMemo(() => organisationVocabulary(t, locale), [t, locale]);
  const [formError, setFormError] = useState<unknown>(null);
  const [otherErrors, setOtherErrors] = useState<[string, string][]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const showTop = () =>
    requestAnimationFrame(() => top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  const folded = (input: string, option?: { label?: ReactNode }) =>
    matchesFolded(String(option?.label ?? ''), input);

  function failed(error: unknown, mine: Partial<Values>) {
    const stale = conflictOf<OrganisationDetail>(error);
    if (stale && base) {
      queryClient.setQueryData(organisationKeys.detail(base.code), stale.current);
      setConflict({ ...stale, mine });
      showTop();
      return;
    }
    const other = showFieldErrors(form, error, ALL_FIELDS);
    if (other === null) {
      setFormError(error);
      showTop();
    } else if (other.length > 0) {
      setOtherErrors(other);
      showTop();
    }
  }

  function submit(values: Values) {
    setFormError(null);
    setOtherErrors([]);
    setNotice(null);
    form.setFields(ALL_FIELDS.map((name) => ({ name, errors: [] })));
    if (!base) {
      const input: CreateOrganisationInput = {
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
      create.mutate(input, {
        onSuccess: (org) => {
          void message.success(t('organisation.created'));
          onSaved(org);
        },
        onError: (error) => failed(error, input as Partial<Values>),
      });
      return;
    }
    const changes = changesFrom(EDIT_FIELDS, valuesOf(base), values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('form.noChanges'));
      return;
    }
    update.mutate({ ...changes, version: base.version } as UpdateOrganisationInput, {
      onSuccess: (org) => {
        void message.success(t('organisation.saved'));
        onSaved(org);
      },
      onError: (error) => failed(error, changes),
    });
  }

  function resolve(keepMine: boolean) {
    if (!conflict) return;
    const latest = valuesOf(conflict.current);
    form.resetFields();
    form.setFieldsValue(keepMine ? { ...latest, ...conflict.mine } : latest);
    onRebase(conflict.current);
    setConflict(null);
    setNotice(t(keepMine ? 'conflict.reapplied' : 'conflict.reloaded'));
    showTop();
  }

  const overlap = new Set(
    conflict && base
      ? (Object.keys(conflict.mine) as Field[]).filter(
          (field) => !sameValue(valuesOf(conflict.current)[field], valuesOf(base)[field]),
        )
      : [],
  );

  return (
    <>
      <div ref={top} />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('organisation.conflict.title')}
          description={
            <ConflictNotice
              testId="organisation-conflict"
              changes={conflict.changes}
              mine={conflict.mine}
              overlap={overlap}
              vocabulary={vocabulary}
              onReapply={() => resolve(true)}
              onReload={() => resolve(false)}
            />
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
          title={t('form.otherErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {otherErrors.map(([field, text]) => (
                <li key={field}>
                  {vocabulary.fieldLabel(field)}: {text}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<Values>
        form={form}
        name="organisation-edit"
        layout="vertical"
        initialValues={base ? valuesOf(base) : EMPTY}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) =>
          // A server message about a field holds until the user changes that field.
          form.setFields(Object.keys(changed).map((name) => ({ name: name as Field, errors: [] })))
        }
        disabled={pending}
        scrollToFirstError
      >
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
              <Select
                showSearch={{ filterOption: folded }}
                options={countries}
                popupMatchSelectWidth={false}
              />
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
      </Form>
    </>
  );
}
