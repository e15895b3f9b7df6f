import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useMemo, useRef, useState } from 'react';
import {
  changesFrom,
  conflictOf,
  normaliseValue,
  sameValue,
  showFieldErrors,
} from '../../../components/record-form/record-form';
import { ConflictNotice } from '../../../components/record-history/record-history';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { NumberInput } from '../../../components/ui/number-input';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { OrganisationSelect } from '../../organisation/components/organisation-select';
import { projectStatusLabel } from '../../zone/components/zone-labels';
import {
  projectKeys,
  PROJECT_STATUSES,
  useCreateProject,
  useUpdateProject,
  type AuditEntry,
  type CreateProjectInput,
  type ProjectDetail,
  type ProjectStatus,
  type UpdateProjectInput,
} from '../api/project-api';
import { projectVocabulary } from './project-labels';
import { ZoneSelect } from './zone-select';

/** The form's fields, named as in the contract (`projectFieldsSchema`, plus `code` when creating). */
type Values = {
  code: string;
  name: string;
  zoneCode: string | null;
  investorCode: string | null;
  certificateNo: string | null;
  certificateDate: string | null;
  vsicCode: string | null;
  leasedHa: number | null;
  lot: string | null;
  workers: number | null;
  status: ProjectStatus;
};
type Field = keyof Values;

const EDIT_FIELDS = [
  'name',
  'zoneCode',
  'investorCode',
  'certificateNo',
  'certificateDate',
  'vsicCode',
  'leasedHa',
  'lot',
  'workers',
  'status',
] as const satisfies readonly Field[];
const ALL_FIELDS: readonly Field[] = ['code', ...EDIT_FIELDS];

function valuesOf(project: ProjectDetail): Values {
  return {
    code: project.code,
    name: project.name,
    zoneCode: project.zoneCode,
    investorCode: project.investorCode,
    certificateNo: project.certificateNo,
    certificateDate: project.certificateDate,
    vsicCode: project.vsicCode,
    leasedHa: project.leasedHa,
    lot: project.lot,
    workers: project.workers,
    status: project.status,
  };
}

function emptyValues(defaults: { zoneCode: string | null; investorCode: string | null }): Values {
  return {
    code: '',
    name: '',
    zoneCode: defaults.zoneCode,
    investorCode: defaults.investorCode,
    certificateNo: null,
    certificateDate: null,
    vsicCode: null,
    leasedHa: null,
    lot: null,
    workers: null,
    status: 'licensed',
  };
}

type Props =
  | {
      mode: 'create';
      open: boolean;
      defaults: { zoneCode: string | null; investorCode: string | null };
      onClose: () => void;
      onSaved: (project: ProjectDetail) => void;
    }
  | { mode: 'edit'; project: ProjectDetail; open: boolean; onClose: () => void };

/**
 * Thêm / sửa dự án. Editing sends only the changed fields with the version the drawer was opened on; a
 * stale edit comes back as 409 with the project as it is now and who changed what. Capital is not edited
 * here: it is the ledger's, one dated event at a time.
 */
export function ProjectEditDrawer(props: Props) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const current = props.mode === 'edit' ? props.project : null;
  const [base, setBase] = useState<ProjectDetail | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setBase(current);
  }
  const editing = base ?? current;
  const initial = editing
    ? valuesOf(editing)
    : emptyValues(props.mode === 'create' ? props.defaults : { zoneCode: null, investorCode: null });

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
      size={680}
      title={editing ? t('project.editTitle', { name: editing.name }) : t('project.add')}
      onClose={() => close()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => close()}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid="project-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {props.open ? (
        <ProjectForm
          form={form}
          base={editing}
          initial={initial}
          onRebase={setBase}
          onSaved={(project) => {
            setBase(null);
            if (props.mode === 'create') props.onSaved(project);
            else props.onClose();
          }}
        />
      ) : null}
    </Drawer>
  );
}

type Conflict = { current: ProjectDetail; changes: AuditEntry[]; mine: Partial<Values> };

function ProjectForm({
  form,
  base,
  initial,
  onRebase,
  onSaved,
}: {
  form: FormInstance<Values>;
  base: ProjectDetail | null;
  initial: Values;
  onRebase: (project: ProjectDetail) => void;
  onSaved: (project: ProjectDetail) => void;
}) {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const create = useCreateProject();
  const update = useUpdateProject(base?.code ?? '');
  const pending = create.isPending || update.isPending;
  const vocabulary = useMemo(() => projectVocabulary(t, format), [t, format]);
  const [formError, setFormError] = useState<unknown>(null);
  const [otherErrors, setOtherErrors] = useState<[string, string][]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const showTop = () =>
    requestAnimationFrame(() => top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));

  function failed(error: unknown, mine: Partial<Values>) {
    const stale = conflictOf<ProjectDetail>(error);
    if (stale && base) {
      queryClient.setQueryData(projectKeys.detail(base.code), stale.current);
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
      const input: CreateProjectInput = {
        code: values.code.trim(),
        name: values.name.trim(),
        zoneCode: values.zoneCode ?? '',
        investorCode: values.investorCode ?? '',
        certificateNo: normaliseValue(values.certificateNo) as string | null,
        certificateDate: values.certificateDate,
        vsicCode: normaliseValue(values.vsicCode) as string | null,
        leasedHa: values.leasedHa,
        lot: normaliseValue(values.lot) as string | null,
        workers: values.workers,
        status: values.status,
      };
      create.mutate(input, {
        onSuccess: (project) => {
          void message.success(t('project.created'));
          onSaved(project);
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
    update.mutate({ ...changes, version: base.version } as UpdateProjectInput, {
      onSuccess: (project) => {
        void message.success(t('project.saved'));
        onSaved(project);
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
          title={t('project.conflict.title')}
          description={
            <ConflictNotice
              testId="project-conflict"
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
        name="project-edit"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as Field, errors: [] })))
        }
        disabled={pending}
        scrollToFirstError
      >
        {base ? null : (
          <Form.Item
            label={t('project.field.code')}
            name="code"
            extra={t('project.codeHint')}
            rules={[
              { required: true, whitespace: true, message: t('project.codeRequired') },
              { pattern: /^\s*[A-Za-z0-9][A-Za-z0-9-]{0,63}\s*$/, message: t('organisation.codeFormat') },
            ]}
          >
            <Input maxLength={64} autoComplete="off" spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item
          label={t('project.field.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('project.nameRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('project.field.zoneCode')}
              name="zoneCode"
              rules={[{ required: true, message: t('project.zoneRequired') }]}
            >
              <ZoneSelect currentLabel={base?.zoneName} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('project.field.investorCode')}
              name="investorCode"
              rules={[{ required: true, message: t('project.investorRequired') }]}
            >
              <OrganisationSelect currentLabel={base?.investorName} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('project.field.certificateNo')} name="certificateNo">
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('project.field.certificateDate')} name="certificateDate">
              <IsoDatePicker />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('project.field.vsicCode')} name="vsicCode" extra={t('project.vsicHint')}>
              <Input maxLength={5} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('project.field.status')}
              name="status"
              rules={[{ required: true }]}
              extra={base ? t('project.statusHint') : undefined}
            >
              <Select
                options={PROJECT_STATUSES.map((value) => ({ value, label: projectStatusLabel(value, t) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item label={t('project.field.leasedHa')} name="leasedHa">
              <NumberInput min={0} max={100_000} suffix="ha" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('project.field.lot')} name="lot">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('project.field.workers')} name="workers">
              <NumberInput min={0} max={1_000_000} maxFractionDigits={0} precision={0} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </>
  );
}
