import {
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import {
  catalogueLangs,
  publishableFields,
  type PublishableFieldKey,
} from '../../../../domain/catalogue/catalogue.schema';
import { catalogueSectors } from '../../../../domain/catalogue/sectors';
import { foldVietnamese } from '../../../../domain/shared/text';
import { showFieldErrors } from '../../../components/record-form/record-form';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ApiError } from '../../../lib/api';
import { useLocale, useT } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import {
  usePublication,
  usePublications,
  useRemoveDescription,
  useSaveDescription,
  useSavePublication,
  useSetDocumentPublic,
  type Publication,
  type PublicationInput,
  type PublicationList,
} from '../api/catalogue-api';

type Row = PublicationList['items'][number];

/**
 * Danh mục đầu tư: officers choose which zones are published to investors, which of their fields are public
 * (unleased land always is), their descriptions per language and their public documents.
 */
export function CataloguePublishing() {
  const t = useT();
  const locale = useLocale();
  useDocumentTitle(t('catalogue.title'));
  const list = usePublications();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const rows = useMemo(() => {
    const needle = foldVietnamese(search);
    return (list.data?.items ?? []).filter(
      (r) => !needle || foldVietnamese(`${r.zoneCode} ${r.zoneName}`).includes(needle),
    );
  }, [list.data, search]);

  const columns: TableColumnsType<Row> = [
    {
      title: t('catalogue.zone'),
      key: 'zone',
      render: (_v, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{r.zoneName}</Typography.Text>
          <Typography.Text type="secondary">{r.zoneCode}</Typography.Text>
        </Space>
      ),
    },
    { title: t('catalogue.commune'), dataIndex: 'communeName', render: (v: string | null) => v ?? '—' },
    {
      title: t('catalogue.published'),
      dataIndex: 'published',
      width: 110,
      render: (v: boolean) => (v ? <Tag color="green">{t('catalogue.published')}</Tag> : '—'),
    },
    {
      title: t('catalogue.fields'),
      dataIndex: 'fields',
      render: (fields: PublishableFieldKey[]) => fields.length,
      width: 120,
      align: 'right',
    },
    {
      title: t('catalogue.languages'),
      dataIndex: 'descriptionLangs',
      render: (l: string[]) => l.join(', ') || '—',
    },
    { title: t('catalogue.documents'), dataIndex: 'publicDocuments', width: 130, align: 'right' },
    {
      key: 'edit',
      width: 110,
      render: (_v, r) => (
        <Button size="small" onClick={() => setEditing(r.zoneCode)}>
          {t('catalogue.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('catalogue.title')} data-testid="catalogue-publishing">
      <Typography.Paragraph type="secondary">{t('catalogue.hint')}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('catalogue.search')}
        style={{ maxWidth: 360, marginBottom: 12 }}
        onChange={(e) => setSearch(e.target.value)}
      />
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<Row>
          rowKey="zoneCode"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching}
          locale={{ emptyText: t('catalogue.empty') }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
        />
      )}
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        width={Math.min(720, typeof window === 'undefined' ? 720 : window.innerWidth)}
        title={editing}
        destroyOnHidden
      >
        {editing ? <PublicationEditor code={editing} locale={locale} /> : null}
      </Drawer>
    </Card>
  );
}

function PublicationEditor({ code, locale }: { code: string; locale: 'vi' | 'en' }) {
  const t = useT();
  const publication = usePublication(code);
  if (publication.error) return <ErrorAlert error={publication.error} />;
  if (!publication.data) return null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PublicationForm key={publication.data.version} publication={publication.data} locale={locale} />
      <Descriptions publication={publication.data} />
      <Documents publication={publication.data} />
      {publication.data.published ? (
        <a href={`/catalogue/zones/${encodeURIComponent(code)}`} target="_blank" rel="noreferrer">
          {t('catalogue.viewPublic')}
        </a>
      ) : null}
    </Space>
  );
}

type Values = {
  published: boolean;
  fields: PublishableFieldKey[];
  /** The contract's VSIC codes (the picker offers only those). */
  sectors: NonNullable<PublicationInput['sectors']>;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactWebsite: string | null;
};
const FIELDS = [
  'published',
  'fields',
  'sectors',
  'contactName',
  'contactPhone',
  'contactEmail',
  'contactWebsite',
];

function PublicationForm({ publication, locale }: { publication: Publication; locale: 'vi' | 'en' }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePublication(publication.zoneCode);
  const [error, setError] = useState<unknown>(null);
  const alwaysPublic = publishableFields.filter((f) => f.alwaysPublic).map((f) => f.key);

  function submit(values: Values) {
    setError(null);
    save.mutate(
      {
        ...values,
        fields: values.fields.filter((f) => !alwaysPublic.includes(f)),
        contactName: values.contactName || null,
        contactPhone: values.contactPhone || null,
        contactEmail: values.contactEmail || null,
        contactWebsite: values.contactWebsite || null,
        version: publication.version,
      },
      {
        onSuccess: () => void message.success(t('catalogue.saved')),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) void message.warning(t('catalogue.conflict'));
          else if (showFieldErrors(form, e, FIELDS) === null) setError(e);
        },
      },
    );
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="catalogue-publication"
      initialValues={{
        published: publication.published,
        fields: [...alwaysPublic, ...publication.fields],
        sectors: publication.sectors,
        contactName: publication.contactName,
        contactPhone: publication.contactPhone,
        contactEmail: publication.contactEmail,
        contactWebsite: publication.contactWebsite,
      }}
      onFinish={submit}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form.Item label={t('catalogue.published')} name="published" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item label={t('catalogue.fields')} name="fields">
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }}
        >
          {publishableFields.map((f) => (
            <Checkbox key={f.key} value={f.key} disabled={f.alwaysPublic}>
              {f.label[locale]}
              {f.alwaysPublic ? ` (${t('catalogue.alwaysPublic')})` : ''}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item label={t('catalogue.sectors')} name="sectors">
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={Object.entries(catalogueSectors).map(([code, label]) => ({
            value: code,
            label: `${code} — ${label[locale]}`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('catalogue.contactName')} name="contactName">
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('catalogue.contactPhone')} name="contactPhone">
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item label={t('catalogue.contactEmail')} name="contactEmail">
          <Input maxLength={200} type="email" />
        </Form.Item>
      </Space>
      <Form.Item label={t('catalogue.contactWebsite')} name="contactWebsite">
        <Input maxLength={500} placeholder="https://" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('catalogue.save')}
      </Button>
    </Form>
  );
}

const langNames: Record<string, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  zh: '中文',
};

function Descriptions({ publication }: { publication: Publication }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveDescription(publication.zoneCode);
  const remove = useRemoveDescription(publication.zoneCode);
  const [added, setAdded] = useState<string[]>([]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const langs = [...new Set([...publication.descriptions.map((d) => d.lang), ...added])];
  const missing = catalogueLangs.filter((l) => !langs.includes(l));
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) void message.warning(t('catalogue.conflict'));
    else void message.error(e instanceof Error ? e.message : String(e));
  };

  return (
    <Card size="small" title={t('catalogue.descriptions')}>
      <Typography.Paragraph type="secondary">{t('catalogue.descriptionHint')}</Typography.Paragraph>
      <Tabs
        items={langs.map((lang) => {
          const stored = publication.descriptions.find((d) => d.lang === lang);
          const text = drafts[lang] ?? stored?.text ?? '';
          return {
            key: lang,
            label: langNames[lang] ?? lang,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  rows={6}
                  maxLength={20_000}
                  value={text}
                  lang={lang}
                  onChange={(e) => setDrafts((d) => ({ ...d, [lang]: e.target.value }))}
                />
                <Space>
                  <Button
                    type="primary"
                    loading={save.isPending}
                    disabled={!text.trim()}
                    onClick={() =>
                      save.mutate(
                        { lang, text, version: stored?.version ?? 0 },
                        { onSuccess: () => void message.success(t('catalogue.saved')), onError },
                      )
                    }
                  >
                    {t('catalogue.save')}
                  </Button>
                  {stored ? (
                    <Button
                      danger
                      loading={remove.isPending}
                      onClick={() => remove.mutate({ lang, version: stored.version }, { onError })}
                    >
                      {t('catalogue.removeDescription')}
                    </Button>
                  ) : null}
                </Space>
              </Space>
            ),
          };
        })}
      />
      {missing.length ? (
        <Select
          placeholder={t('catalogue.addLanguage')}
          style={{ width: 220 }}
          value={null}
          options={missing.map((l) => ({ value: l, label: langNames[l] ?? l }))}
          onChange={(l: string) => setAdded((a) => [...a, l])}
        />
      ) : null}
    </Card>
  );
}

function Documents({ publication }: { publication: Publication }) {
  const t = useT();
  const setPublic = useSetDocumentPublic();
  return (
    <Card size="small" title={t('catalogue.documents')}>
      <Typography.Paragraph type="secondary">{t('catalogue.documentsHint')}</Typography.Paragraph>
      {publication.documents.length === 0 ? (
        <Empty description={t('catalogue.noDocuments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={publication.documents}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Switch
                  key="public"
                  checked={d.public}
                  loading={setPublic.isPending}
                  aria-label={`${t('catalogue.documents')}: ${d.title}`}
                  onChange={(checked) => setPublic.mutate({ id: d.id, isPublic: checked })}
                />,
              ]}
            >
              <Space>
                {d.isPhoto ? <Tag>{t('catalogue.photo')}</Tag> : null}
                <span>{d.title}</span>
                <Typography.Text type="secondary">{d.fileName}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
