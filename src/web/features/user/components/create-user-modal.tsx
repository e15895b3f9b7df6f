import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { toIsoDate } from '../../../../domain/format/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ApiError } from '../../../lib/api';
import { useT, type MessageKey } from '../../../lib/i18n';
import { matchesFolded } from '../../../lib/text';
import { adminUnitLabel, useAllAdminUnits } from '../../../lib/admin-units';
import type { RoleCode, ScopeKind, ZoneFamily } from '../../../../domain/identity/roles';
import { useCurrentUser } from '../../../lib/session';
import { useCreateUser, useRoles, type CreateUserInput } from '../api/user-api';

type Values = {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  role?: RoleCode;
  scopeKind?: ScopeKind;
  scopeRef?: string;
  family?: ZoneFamily;
};

const FORM_FIELDS = new Set<string>([
  'username',
  'displayName',
  'email',
  'password',
  'role',
  'scopeKind',
  'scopeRef',
  'family',
]);

/** Errors the server reports with a code rather than `details.fields`, and the field they are about. */
const CODE_FIELDS: Record<string, keyof Values> = { 'user.username_taken': 'username' };

/** KCN (Management Board) and CCN (Department of Industry and Trade): the values the server expects. */
const FAMILY_OPTIONS: { value: ZoneFamily; label: MessageKey }[] = [
  { value: 'KCN', label: 'family.kcn' },
  { value: 'CCN', label: 'family.ccn' },
];

export const SCOPE_KIND_LABELS: Record<ScopeKind, MessageKey> = {
  all: 'scopeKind.all',
  family: 'scopeKind.family',
  commune: 'scopeKind.commune',
  zone: 'scopeKind.zone',
  organisation: 'scopeKind.organisation',
};

/** "Thêm người dùng": the scope field follows the chosen role (communes valid today, KCN/CCN family, …). */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const roles = useRoles(open);
  const createUser = useCreateUser();
  const [formError, setFormError] = useState<unknown>(null);

  const roleCode = Form.useWatch('role', form);
  const scopeKind = Form.useWatch('scopeKind', form);
  const role = roles.data?.find((candidate) => candidate.code === roleCode);
  const scopeKinds = role?.scopeKinds ?? [];
  // Department officers create accounts in their own family; only a system administrator chooses it.
  const canChooseFamily = useCurrentUser().assignments.some(
    (assignment) => assignment.role === 'system_admin',
  );

  function close() {
    form.resetFields();
    setFormError(null);
    createUser.reset();
    onClose();
  }

  function submit(values: Values) {
    setFormError(null);
    const input: CreateUserInput = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      email: values.email?.trim() || undefined,
      password: values.password,
      // Required by the form rules; the server rejects a missing role with a field error anyway.
      role: values.role as RoleCode,
      scopeKind: values.scopeKind ?? 'all',
      scopeRef: values.scopeKind && values.scopeKind !== 'all' ? values.scopeRef : undefined,
      family: values.scopeKind !== 'family' ? values.family : undefined,
    };
    createUser.mutate(input, {
      onSuccess: (user) => {
        void message.success(t('users.created', { username: user.username }));
        close();
      },
      onError: (error) => {
        const codeField = error instanceof ApiError ? CODE_FIELDS[error.code] : undefined;
        if (error instanceof ApiError && codeField) {
          form.setFields([{ name: codeField, errors: [error.message] }]);
          return;
        }
        const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
        if (fields.length > 0) {
          form.setFields(
            fields
              .filter(([name]) => FORM_FIELDS.has(name))
              .map(([name, text]) => ({ name: name as keyof Values, errors: [text] })),
          );
          // Errors on fields this form does not show must still be seen.
          setFormError(fields.some(([name]) => !FORM_FIELDS.has(name)) ? error : null);
        } else {
          setFormError(error);
        }
      },
    });
  }

  return (
    <Modal
      open={open}
      title={t('users.add')}
      okText={t('users.create')}
      cancelText={t('common.cancel')}
      confirmLoading={createUser.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      forceRender
      width={560}
    >
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<Values>
        form={form}
        name="create-user"
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if ('role' in changed) {
            const next = roles.data?.find((candidate) => candidate.code === changed.role);
            form.setFieldsValue({ scopeKind: next?.scopeKinds[0], scopeRef: undefined });
          } else if ('scopeKind' in changed) {
            form.setFieldsValue({ scopeRef: undefined });
          }
        }}
      >
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.email')}
          name="email"
          rules={[{ type: 'email', message: t('users.emailInvalid') }]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.initialPassword')}
          name="password"
          rules={[{ required: true, message: t('users.passwordRequired') }]}
          extra={t('users.initialPasswordHint')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select
            loading={roles.isPending && open}
            options={(roles.data ?? []).map((candidate) => ({
              value: candidate.code,
              label: candidate.name,
            }))}
            notFoundContent={roles.error ? <ErrorAlert error={roles.error} /> : undefined}
          />
        </Form.Item>
        {scopeKinds.length > 1 ? (
          <Form.Item
            label={t('users.scopeKind')}
            name="scopeKind"
            rules={[{ required: true, message: t('users.scopeKindRequired') }]}
          >
            <Select
              options={scopeKinds.map((kind) => ({ value: kind, label: t(SCOPE_KIND_LABELS[kind]) }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="scopeKind" hidden>
            <Input />
          </Form.Item>
        )}
        {scopeKinds.length === 1 && scopeKind ? (
          <Typography.Paragraph type="secondary">
            {t('users.scopeFixed', { scope: t(SCOPE_KIND_LABELS[scopeKind]) })}
          </Typography.Paragraph>
        ) : null}
        <ScopeRefField kind={scopeKind} open={open} />
        {canChooseFamily && scopeKind && scopeKind !== 'family' ? (
          <Form.Item label={t('users.family')} name="family" extra={t('users.familyHint')}>
            <Select
              allowClear
              placeholder={t('users.familyNone')}
              options={FAMILY_OPTIONS.map((option) => ({ value: option.value, label: t(option.label) }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** The scope reference input that fits the scope kind. */
function ScopeRefField({ kind, open }: { kind: ScopeKind | undefined; open: boolean }) {
  const t = useT();
  const today = useMemo(() => toIsoDate(new Date()), []);
  const communes = useAllAdminUnits('commune', today, open && kind === 'commune');
  const required = [{ required: true, message: t('users.scopeRefRequired') }];

  if (!kind || kind === 'all') return null;
  if (kind === 'family') {
    return (
      <Form.Item label={t('scopeKind.family')} name="scopeRef" rules={required}>
        <Select options={FAMILY_OPTIONS.map((option) => ({ value: option.value, label: t(option.label) }))} />
      </Form.Item>
    );
  }
  if (kind === 'commune') {
    return (
      <Form.Item
        label={t('scopeKind.commune')}
        name="scopeRef"
        rules={required}
        extra={t('users.communeHint')}
        validateStatus={communes.error ? 'error' : undefined}
        help={communes.error ? <ErrorAlert error={communes.error} /> : undefined}
      >
        <Select
          loading={communes.isPending}
          placeholder={t('users.communePlaceholder')}
          showSearch={{
            filterOption: (input, option) => matchesFolded(String(option?.label ?? ''), input),
          }}
          options={(communes.data ?? []).map((unit) => ({
            value: unit.code,
            label: `${adminUnitLabel(unit)} (${unit.code})`,
          }))}
        />
      </Form.Item>
    );
  }
  return (
    <Form.Item
      label={t(SCOPE_KIND_LABELS[kind])}
      name="scopeRef"
      rules={required}
      extra={t(kind === 'zone' ? 'users.zoneRefHint' : 'users.organisationRefHint')}
    >
      <Input autoComplete="off" />
    </Form.Item>
  );
}
