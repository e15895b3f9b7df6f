import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { normaliseValue } from '../../../components/record-form/record-form';
import { RecordEditDrawer } from '../../../components/record-form/record-edit-drawer';
import { ConflictNotice } from '../../../components/record-history/record-history';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { NumberInput } from '../../../components/ui/number-input';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { OrganisationSelect } from '../../../components/ui/organisation-select';
import { projectStatusLabel } from '../../../components/zone/zone-labels';
import {
  projectKeys,
  PROJECT_STATUSES,
  useCreateProject,
  useUpdateProject,
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

/** What the create form sends, its text normalised. */
function createInput(values: Values): CreateProjectInput {
  return {
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
}

/**
 * Thêm / sửa dự án. Editing sends only the changed fields with the version the drawer was opened on; a
 * stale edit comes back as 409 with the project as it is now and who changed what. Capital is not edited
 * here: it is the ledger's, one dated event at a time.
 */
export function ProjectEditDrawer(props: Props) {
  const t = useT();
  const format = useFormat();
  const record = props.mode === 'edit' ? props.project : null;
  const create = useCreateProject();
  const update = useUpdateProject(record?.code ?? '');
  const vocabulary = useMemo(() => projectVocabulary(t, format), [t, format]);
  const defaults = props.mode === 'create' ? props.defaults : { zoneCode: null, investorCode: null };
  return (
    <RecordEditDrawer<Values, ProjectDetail>
      open={props.open}
      onClose={props.onClose}
      record={record}
      title={(editing) => (editing ? t('project.editTitle', { name: editing.name }) : t('project.add'))}
      size={680}
      formName="project-edit"
      saveTestId="project-save"
      fields={ALL_FIELDS}
      editFields={EDIT_FIELDS}
      valuesOf={valuesOf}
      empty={emptyValues(defaults)}
      create={(values) => create.mutateAsync(createInput(values))}
      update={(changes, version) => update.mutateAsync({ ...changes, version } as UpdateProjectInput)}
      pending={create.isPending || update.isPending}
      messages={{
        created: t('project.created'),
        saved: t('project.saved'),
        conflictTitle: t('project.conflict.title'),
      }}
      detailKey={projectKeys.detail}
      fieldLabel={vocabulary.fieldLabel}
      renderConflict={(stale) => (
        <ConflictNotice testId="project-conflict" vocabulary={vocabulary} {...stale} />
      )}
      onSaved={(project) => (props.mode === 'create' ? props.onSaved(project) : props.onClose())}
    >
      {({ base }) => <ProjectFields base={base} />}
    </RecordEditDrawer>
  );
}

/** The form items; `base` is the project being edited, or null when creating one. */
function ProjectFields({ base }: { base: ProjectDetail | null }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}
