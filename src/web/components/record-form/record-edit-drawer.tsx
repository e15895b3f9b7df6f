import type { QueryKey } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import type { AuditEntry } from '../../../domain/audit/audit.schema';
import { useT } from '../../lib/i18n';
import { ErrorAlert } from '../ui/error-alert';
import { changesFrom, conflictOf, showFieldErrors } from './record-form';

/** A record that can be edited with optimistic concurrency: addressed by code, guarded by version. */
type Versioned = { code: string; version: number };

/** What the notice of a stale edit gets to show and the two ways on. */
export type StaleEdit<V> = {
  changes: AuditEntry[];
  /** What the user tried to change. */
  mine: Partial<V>;
  /** Fields the user changed that the other person changed too. */
  overlap: ReadonlySet<string>;
  onReapply: () => void;
  onReload: () => void;
};

export type RecordEditDrawerProps<V extends Record<string, unknown>, R extends Versioned> = {
  open: boolean;
  onClose: () => void;
  /** The record to edit, or null to create one. The version edited is fixed when the drawer opens. */
  record: R | null;
  title: (editing: R | null) => string;
  size: number;
  formName: string;
  saveTestId: string;
  /** Every field of the form (a creating form's `code` included): dirty check, field messages. */
  fields: readonly (keyof V & string)[];
  /** The fields an edit may send. */
  editFields: readonly (keyof V & string)[];
  valuesOf: (record: R) => V;
  /** The form's values when creating. */
  empty: V;
  /**
   * The changed fields, normalised: what PATCH sends, and whether closing should ask. By default
   * `changesFrom` over `editFields` (sending) or `fields` (closing).
   */
  diff?: (base: V, values: Partial<V>) => Partial<V>;
  create?: (values: V) => Promise<R>;
  update: (changes: Partial<V>, version: number) => Promise<R>;
  /** A mutation of the feature is running: the form is disabled. */
  pending: boolean;
  messages: { created?: string; saved: string; conflictTitle: string };
  /** The query holding the record's detail, refreshed with the 409's current state. */
  detailKey: (code: string) => QueryKey;
  /** The field name in words, for the server's messages about fields the form does not show. */
  fieldLabel: (field: string) => string;
  renderConflict: (stale: StaleEdit<V>) => ReactNode;
  /** Besides clearing a changed field's server message. */
  onValuesChange?: (changed: Partial<V>, form: FormInstance<V>) => void;
  onSaved: (record: R) => void;
  /** The form items. */
  children: (props: { form: FormInstance<V>; base: R | null }) => ReactNode;
};

/**
 * The drawer that adds or edits one registry record (zone, organisation, project). Editing sends only the
 * changed fields with the version the drawer was opened on; a stale edit comes back as 409 with the record
 * as it is now and who changed what, and the user chooses — nothing is overwritten silently. The server's
 * field messages appear beside their inputs (the others above the form); closing with unsaved changes asks.
 */
export function RecordEditDrawer<V extends Record<string, unknown>, R extends Versioned>(
  props: RecordEditDrawerProps<V, R>,
) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<V>();
  // The version being edited: fixed when the drawer opens, so a background refresh cannot hide a conflict.
  const [base, setBase] = useState<R | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setBase(props.record);
  }
  const editing = base ?? props.record;
  const initial = editing ? props.valuesOf(editing) : props.empty;

  function close(force = false) {
    const values = form.getFieldsValue(true) as V;
    const changed = props.diff ? props.diff(initial, values) : changesFrom(props.fields, initial, values);
    const dirty = Object.keys(changed).length > 0;
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
      size={props.size}
      title={props.title(editing)}
      onClose={() => close()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => close()}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid={props.saveTestId}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {props.open ? (
        <RecordForm
          {...props}
          form={form}
          base={editing}
          initial={initial}
          onRebase={setBase}
          onSaved={(record) => {
            setBase(null);
            props.onSaved(record);
          }}
        />
      ) : null}
    </Drawer>
  );
}

type Conflict<V, R> = { current: R; changes: AuditEntry[]; mine: Partial<V> };

function RecordForm<V extends Record<string, unknown>, R extends Versioned>({
  form,
  base,
  initial,
  onRebase,
  onSaved,
  ...props
}: RecordEditDrawerProps<V, R> & {
  form: FormInstance<V>;
  base: R | null;
  initial: V;
  onRebase: (record: R) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<unknown>(null);
  const [otherErrors, setOtherErrors] = useState<[string, string][]>([]);
  const [conflict, setConflict] = useState<Conflict<V, R> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // (An element in state rather than a ref: the conflict notice's callbacks are handed out during render.)
  const [top, setTop] = useState<HTMLDivElement | null>(null);
  /** Messages go above the form: bring them into view, wherever the user had scrolled to. */
  const showTop = () =>
    requestAnimationFrame(() => top?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  const diff = props.diff ?? ((from: V, values: Partial<V>) => changesFrom(props.editFields, from, values));

  function failed(error: unknown, mine: Partial<V>) {
    const stale = conflictOf<R>(error);
    if (stale && base) {
      queryClient.setQueryData(props.detailKey(base.code), stale.current);
      setConflict({ ...stale, mine });
      showTop();
      return;
    }
    const other = showFieldErrors(form, error, props.fields);
    if (other === null) {
      setFormError(error);
      showTop();
    } else if (other.length > 0) {
      setOtherErrors(other);
      showTop();
    }
  }

  function submit(values: V) {
    setFormError(null);
    setOtherErrors([]);
    setNotice(null);
    form.setFields(props.fields.map((name) => ({ name, errors: [] })) as never);
    if (!base) {
      if (!props.create) return;
      props.create(values).then(
        (record) => {
          if (props.messages.created) void message.success(props.messages.created);
          onSaved(record);
        },
        (error: unknown) => failed(error, {}),
      );
      return;
    }
    const changes = diff(props.valuesOf(base), values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('form.noChanges'));
      return;
    }
    props.update(changes, base.version).then(
      (record) => {
        void message.success(props.messages.saved);
        onSaved(record);
      },
      (error: unknown) => failed(error, changes),
    );
  }

  function resolve(keepMine: boolean) {
    if (!conflict) return;
    const latest = props.valuesOf(conflict.current);
    form.resetFields();
    form.setFieldsValue((keepMine ? { ...latest, ...conflict.mine } : latest) as never);
    onRebase(conflict.current);
    setConflict(null);
    setNotice(t(keepMine ? 'conflict.reapplied' : 'conflict.reloaded'));
    showTop();
  }

  // The fields I changed that changed on the server too, from the version I edited to the current one.
  const overlap = new Set<string>(
    conflict && base
      ? Object.keys(diff(props.valuesOf(base), props.valuesOf(conflict.current))).filter(
          (field) => field in conflict.mine,
        )
      : [],
  );

  return (
    <>
      <div ref={setTop} />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={props.messages.conflictTitle}
          description={props.renderConflict({
            changes: conflict.changes,
            mine: conflict.mine,
            overlap,
            onReapply: () => resolve(true),
            onReload: () => resolve(false),
          })}
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
                  {props.fieldLabel(field)}: {text}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<V>
        form={form}
        name={props.formName}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed: Partial<V>) => {
          // A server message about a field holds until the user changes that field.
          form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })) as never);
          props.onValuesChange?.(changed, form);
        }}
        disabled={props.pending}
        scrollToFirstError
      >
        {props.children({ form, base })}
      </Form>
    </>
  );
}
