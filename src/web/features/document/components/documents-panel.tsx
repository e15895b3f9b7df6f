import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  FileTextOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import {
  acceptedExtensions,
  checkUpload,
  formatMegabytes,
  SNIFF_BYTES,
  titleFromFileName,
} from '../../../../domain/document/document-file';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import {
  documentFileUrl,
  useDocuments,
  useUploadDocument,
  useWithdrawDocument,
  type DocumentOwner,
  type DocumentView,
} from '../api/document-api';

/** Types a browser shows in place (the server agrees: it serves only these inline). */
const VIEWABLE = /^(application\/pdf|image\/(png|jpeg|webp))$/;

/**
 * Tài liệu: the documents of a record — a zone (with those of its lifecycle events) or a project — listed with
 * their number and date, downloadable under their own (Vietnamese) names; the record's keepers upload (drag and
 * drop) and withdraw them. A withdrawn document is never lost: it stays listed, marked, and downloadable.
 */
export function DocumentsPanel({ owner }: { owner: DocumentOwner }) {
  const t = useT();
  const documents = useDocuments(owner);
  const [showWithdrawn, setShowWithdrawn] = useState(false);

  if (documents.isPending) return <PageLoader />;
  if (documents.error) {
    return (
      <ErrorAlert
        error={documents.error}
        action={<Button onClick={() => void documents.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const { items, canEdit, maxBytes } = documents.data;
  const withdrawnCount = items.filter((d) => d.withdrawn).length;
  const shown = showWithdrawn ? items : items.filter((d) => !d.withdrawn);

  return (
    <Flex vertical gap={16}>
      {canEdit ? <UploadCard owner={owner} maxBytes={maxBytes} /> : null}
      {withdrawnCount > 0 ? (
        <Flex gap={8} align="center">
          <Switch
            size="small"
            checked={showWithdrawn}
            onChange={setShowWithdrawn}
            id="show-withdrawn"
            data-testid="show-withdrawn"
          />
          <label htmlFor="show-withdrawn">{t('document.showWithdrawn', { count: withdrawnCount })}</label>
        </Flex>
      ) : null}
      {shown.length === 0 ? (
        <Empty description={t('document.empty')} />
      ) : (
        <DocumentTable owner={owner} items={shown} canEdit={canEdit} />
      )}
    </Flex>
  );
}

function DocumentTable({
  owner,
  items,
  canEdit,
}: {
  owner: DocumentOwner;
  items: DocumentView[];
  canEdit: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const [withdrawing, setWithdrawing] = useState<DocumentView | null>(null);

  const columns: TableColumnsType<DocumentView> = [
    {
      title: t('document.col.title'),
      key: 'title',
      render: (_value, doc) => (
        <Flex vertical gap={2}>
          <Flex gap={6} wrap align="center">
            <FileTextOutlined aria-hidden />
            <Typography.Text strong delete={doc.withdrawn !== null}>
              {doc.title}
            </Typography.Text>
            {doc.withdrawn ? <Tag color="red">{t('document.withdrawn')}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {doc.fileName} · {formatMegabytes(doc.sizeBytes, locale)}
          </Typography.Text>
          {doc.withdrawn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('document.withdrawnInfo', {
                time: format.dateTime(doc.withdrawn.at),
                name: doc.withdrawn.byName ?? '—',
                reason: doc.withdrawn.reason ?? '—',
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('document.col.doc'),
      key: 'doc',
      width: 170,
      render: (_value, doc) =>
        doc.docNo || doc.docDate ? (
          <Flex vertical gap={2}>
            {doc.docNo ? <span>{doc.docNo}</span> : null}
            {doc.docDate ? (
              <Typography.Text type="secondary">{format.date(doc.docDate)}</Typography.Text>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('document.col.attachedTo'),
      key: 'attachedTo',
      width: 220,
      responsive: ['lg'],
      render: (_value, doc) =>
        doc.entityType === 'zone' ? (
          <Typography.Text type="secondary">{t('document.zoneItself')}</Typography.Text>
        ) : (
          doc.entityLabel
        ),
    },
    {
      title: t('document.col.uploaded'),
      key: 'uploaded',
      width: 170,
      responsive: ['md'],
      render: (_value, doc) => (
        <Flex vertical gap={2}>
          <span>{doc.uploadedByName ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {format.dateTime(doc.uploadedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('document.col.actions'),
      key: 'actions',
      width: 120,
      render: (_value, doc) => (
        <Flex gap={4} wrap>
          <Tooltip title={t('document.download')}>
            <Button
              size="small"
              icon={<DownloadOutlined aria-hidden />}
              href={documentFileUrl(doc.id)}
              aria-label={`${t('document.download')}: ${doc.title}`}
              data-testid="document-download"
            />
          </Tooltip>
          {VIEWABLE.test(doc.mimeType) ? (
            <Tooltip title={t('document.view')}>
              <Button
                size="small"
                icon={<EyeOutlined aria-hidden />}
                href={documentFileUrl(doc.id, true)}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={`${t('document.view')}: ${doc.title}`}
              />
            </Tooltip>
          ) : null}
          {canEdit && !doc.withdrawn ? (
            <Tooltip title={t('document.withdraw')}>
              <Button
                size="small"
                danger
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => setWithdrawing(doc)}
                aria-label={`${t('document.withdraw')}: ${doc.title}`}
                data-testid="document-withdraw"
              />
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Table<DocumentView>
        data-testid="zone-documents"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        onRow={(doc) => (doc.withdrawn ? { style: { opacity: 0.65 } } : {})}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      />
      {withdrawing ? (
        <WithdrawDialog owner={owner} document={withdrawing} onClose={() => setWithdrawing(null)} />
      ) : null}
    </>
  );
}

function WithdrawDialog({
  owner,
  document,
  onClose,
}: {
  owner: DocumentOwner;
  document: DocumentView;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawDocument(owner);

  function submit({ reason }: { reason: string }) {
    withdraw.mutate(
      { id: document.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('document.withdraw.done'));
          onClose();
        },
        onError: (error) => {
          const reasonError = error instanceof ApiError ? error.fieldErrors['reason'] : undefined;
          if (reasonError) form.setFields([{ name: 'reason', errors: [reasonError] }]);
        },
      },
    );
  }

  return (
    <Modal
      open
      title={t('document.withdraw.title', { title: document.title })}
      okText={t('document.withdraw.confirm')}
      okButtonProps={
        { danger: true, loading: withdraw.isPending, 'data-testid': 'withdraw-confirm' } as never
      }
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('document.withdraw.explain')}</Typography.Paragraph>
      {withdraw.error && !(withdraw.error instanceof ApiError && withdraw.error.fieldErrors['reason']) ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={withdraw.error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" name="withdraw-document" onFinish={submit}>
        <Form.Item
          label={t('document.withdraw.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('document.withdraw.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type UploadValues = { title?: string; docNo?: string; docDate?: string | null };
const FORM_FIELDS = new Set(['file', 'title', 'docNo', 'docDate']);

function UploadCard({ owner, maxBytes }: { owner: DocumentOwner; maxBytes: number }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadValues>();
  const upload = useUploadDocument(owner);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<unknown>(null);

  /** The same checks as the server (size, type by name and content), before anything is sent. */
  async function choose(chosen: File) {
    setFormError(null);
    const head = new Uint8Array(await chosen.slice(0, SNIFF_BYTES).arrayBuffer());
    const checked = checkUpload(chosen.name, chosen.size, head, maxBytes);
    if (!checked.ok) {
      setFile(null);
      setFileError(checked.problem[locale]);
      return;
    }
    setFile(chosen);
    setFileError(null);
    if (!form.getFieldValue('title')) form.setFieldValue('title', titleFromFileName(chosen.name));
  }

  function submit(values: UploadValues) {
    setFormError(null);
    if (!file) {
      setFileError(t('document.upload.fileRequired'));
      return;
    }
    upload.mutate(
      {
        file,
        title: values.title?.trim() || undefined,
        docNo: values.docNo?.trim() || undefined,
        docDate: values.docDate ?? undefined,
      },
      {
        onSuccess: (doc) => {
          void message.success(t('document.upload.done', { title: doc.title }));
          form.resetFields();
          setFile(null);
        },
        onError: (error) => {
          const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
          for (const [name, text] of fields) {
            if (name === 'file') setFileError(text);
            else if (FORM_FIELDS.has(name))
              form.setFields([{ name: name as keyof UploadValues, errors: [text] }]);
          }
          if (fields.length === 0 || fields.some(([name]) => !FORM_FIELDS.has(name))) setFormError(error);
        },
      },
    );
  }

  return (
    <Card size="small" title={t('document.upload.title')}>
      {formError ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<UploadValues> form={form} layout="vertical" name="upload-document" onFinish={submit}>
        <Row gutter={24}>
          <Col xs={24} md={10}>
            <Form.Item
              label={t('document.field.file')}
              required
              validateStatus={fileError ? 'error' : undefined}
              help={fileError ?? undefined}
            >
              <Upload.Dragger
                accept={acceptedExtensions.join(',')}
                multiple={false}
                showUploadList={false}
                beforeUpload={(chosen) => {
                  void choose(chosen);
                  return Upload.LIST_IGNORE;
                }}
                data-testid="document-dropzone"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">{t('document.upload.drop')}</p>
                <p className="ant-upload-hint">
                  {t('document.upload.hint', { max: formatMegabytes(maxBytes, locale) })}
                </p>
              </Upload.Dragger>
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            {file ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('document.upload.chosen', {
                  name: file.name,
                  size: formatMegabytes(file.size, locale),
                })}
                data-testid="document-chosen"
              />
            ) : null}
            <Form.Item label={t('document.field.title')} name="title" extra={t('document.field.titleHint')}>
              <Input maxLength={300} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item label={t('document.field.docNo')} name="docNo">
                  <Input maxLength={100} placeholder="1292/QĐ-UBND" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item label={t('document.field.docDate')} name="docDate">
                  <IsoDatePicker />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={upload.isPending} data-testid="document-submit">
              {t('document.upload.submit')}
            </Button>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
