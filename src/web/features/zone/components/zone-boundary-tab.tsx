import { useQueryClient } from '@tanstack/react-query';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Typography, Upload } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { areaHa, bboxOf, countParts, HANOI_BBOX, overlaps, type AreaGeometry } from '../../../lib/geo';
import { parseBoundaryFile, type ParseProblem } from '../../../lib/geo-file';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import {
  useDeleteBoundary,
  usePutBoundary,
  zoneKeys,
  type AuditEntry,
  type ZoneDetail,
} from '../api/zone-api';
import { FieldChanges } from './zone-field-changes';
import { fieldLabel } from './zone-fields';
import { areaDifference } from './zone-overview';

// MapLibre loads only when this tab is opened.
const BoundaryMap = lazy(() =>
  import('../../map/components/boundary-map').then((m) => ({ default: m.BoundaryMap })),
);

type UploadedBoundary = { fileName: string; geometry: AreaGeometry };

/** More than this share off the declared area is worth a second look before saving. */
const BIG_DIFFERENCE = 0.1;

/**
 * Ranh giới: the current boundary against the declared area; for the zone's keepers, upload a GeoJSON or KML
 * file, preview it on the map with an estimated area, and save it (the server computes the stored area).
 */
export function ZoneBoundaryTab({ zone, canManage }: { zone: ZoneDetail; canManage: boolean }) {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const put = usePutBoundary(zone.code);
  const remove = useDeleteBoundary(zone.code);
  const [upload, setUpload] = useState<UploadedBoundary | null>(null);
  const [problem, setProblem] = useState<ParseProblem | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  /** Set after a 409: what others changed; the page already shows the zone as it is now. */
  const [conflictChanges, setConflictChanges] = useState<AuditEntry[] | null>(null);

  async function read(file: File) {
    setProblem(null);
    setSaveError(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setUpload(null);
      setProblem({ key: 'geo.error.unreadable', params: { file: file.name } });
      return;
    }
    const parsed = parseBoundaryFile(file.name, text);
    if (parsed.ok) setUpload({ fileName: file.name, geometry: parsed.geometry });
    else {
      setUpload(null);
      setProblem(parsed.problem);
    }
  }

  /** A stale version (someone else saved meanwhile): show the zone as it is now; the user retries knowingly. */
  function onWriteError(error: unknown) {
    setConflictChanges(null);
    if (error instanceof ApiError && error.status === 409) {
      const current = error.details?.['current'];
      const changes = error.details?.['changes'];
      if (current && typeof current === 'object')
        queryClient.setQueryData(zoneKeys.detail(zone.code), current);
      else void queryClient.invalidateQueries({ queryKey: zoneKeys.detail(zone.code), exact: true });
      setConflictChanges(Array.isArray(changes) ? (changes as AuditEntry[]) : []);
      setSaveError(null);
      return;
    }
    setSaveError(error);
  }

  function save() {
    if (!upload) return;
    setSaveError(null);
    setConflictChanges(null);
    put.mutate(
      { geometry: upload.geometry, version: zone.version },
      {
        onSuccess: (saved) => {
          void message.success(t('zone.boundary.saved', { area: format.area(saved.boundaryAreaHa) }));
          setUpload(null);
        },
        onError: onWriteError,
      },
    );
  }

  function deleteBoundary() {
    setSaveError(null);
    setConflictChanges(null);
    remove.mutate(zone.version, {
      onSuccess: () => void message.success(t('zone.boundary.deleted')),
      onError: onWriteError,
    });
  }

  const estimated = upload ? areaHa(upload.geometry) : null;
  const parts = upload ? countParts(upload.geometry) : null;
  const uploadBox = upload ? bboxOf([upload.geometry]) : null;
  const farAway = uploadBox ? !overlaps(uploadBox, HANOI_BBOX) : false;
  const declared = zone.declaredAreaHa;
  const bigDifference = (area: number | null) =>
    area !== null && declared ? Math.abs(area - declared) / declared > BIG_DIFFERENCE : false;

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={14}>
        <Suspense fallback={<PageLoader />}>
          <BoundaryMap code={zone.code} preview={upload?.geometry ?? null} />
        </Suspense>
      </Col>
      <Col xs={24} lg={10}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('zone.boundary.current')} data-testid="zone-boundary-current">
            {zone.hasBoundary ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'boundary',
                    label: t('zone.boundary.serverArea'),
                    children: format.area(zone.boundaryAreaHa),
                  },
                  { key: 'declared', label: t('zone.boundary.declared'), children: format.area(declared) },
                  {
                    key: 'diff',
                    label: t('zone.boundary.diff'),
                    children:
                      zone.boundaryAreaHa !== null && declared
                        ? areaDifference(zone.boundaryAreaHa, declared, format)
                        : '—',
                  },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('zone.boundary.none')}</Typography.Text>
            )}
            {zone.hasBoundary && bigDifference(zone.boundaryAreaHa) ? (
              <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('zone.boundary.bigDiff')} />
            ) : null}
            {canManage && zone.hasBoundary ? (
              <Popconfirm
                title={t('zone.boundary.delete')}
                description={<div style={{ maxWidth: 320 }}>{t('zone.boundary.deleteConfirm')}</div>}
                okText={t('zone.boundary.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={deleteBoundary}
              >
                <Button
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  loading={remove.isPending}
                  style={{ marginTop: 12 }}
                >
                  {t('zone.boundary.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Card>

          {canManage ? (
            <Card size="small" title={t('zone.boundary.upload')}>
              <Typography.Paragraph type="secondary">{t('zone.boundary.uploadHint')}</Typography.Paragraph>
              <Upload
                accept=".geojson,.json,.kml,application/geo+json,application/json,application/vnd.google-earth.kml+xml"
                maxCount={1}
                showUploadList={false}
                beforeUpload={(file) => {
                  void read(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined aria-hidden />} data-testid="boundary-file">
                  {t('zone.boundary.chooseFile')}
                </Button>
              </Upload>
              {problem ? (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginTop: 12 }}
                  title={t(problem.key, problem.params)}
                />
              ) : null}
              {upload && estimated !== null && parts ? (
                <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="boundary-preview">
                  <Typography.Text strong>
                    {t('zone.boundary.preview', { file: upload.fileName })}
                  </Typography.Text>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      {
                        key: 'parts',
                        label: t('zone.field.boundary'),
                        children: t('zone.boundary.parts', {
                          polygons: format.number(parts.polygons),
                          holes: format.number(parts.holes),
                        }),
                      },
                      {
                        key: 'estimated',
                        label: t('zone.boundary.estimated'),
                        children: (
                          <span title={t('zone.boundary.estimatedHint')}>
                            ≈ {format.area(estimated, { maxFractionDigits: 2 })}
                          </span>
                        ),
                      },
                      {
                        key: 'declared',
                        label: t('zone.boundary.declared'),
                        children: format.area(declared),
                      },
                      {
                        key: 'diff',
                        label: t('zone.boundary.diff'),
                        children: declared ? areaDifference(estimated, declared, format) : '—',
                      },
                    ]}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('zone.boundary.estimatedHint')}
                  </Typography.Text>
                  {farAway ? <Alert type="warning" showIcon title={t('zone.boundary.farAway')} /> : null}
                  {bigDifference(estimated) ? (
                    <Alert type="warning" showIcon title={t('zone.boundary.bigDiff')} />
                  ) : null}
                  {zone.hasBoundary ? (
                    <Alert type="info" showIcon title={t('zone.boundary.replaces')} />
                  ) : null}
                  <Flex gap={8} wrap>
                    <Button type="primary" onClick={save} loading={put.isPending} data-testid="boundary-save">
                      {t('zone.boundary.save')}
                    </Button>
                    <Button onClick={() => setUpload(null)}>{t('zone.boundary.discard')}</Button>
                  </Flex>
                </Flex>
              ) : null}
            </Card>
          ) : null}
          {conflictChanges ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              data-testid="boundary-conflict"
              title={t('zone.conflict.title')}
              description={
                <Flex vertical gap={8}>
                  {conflictChanges.map((entry) => (
                    <div key={entry.id}>
                      <Typography.Text strong>
                        {t('zone.conflict.by', {
                          actor: entry.actorName ?? t('audit.system'),
                          time: format.dateTime(entry.at),
                        })}
                      </Typography.Text>
                      <FieldChanges before={entry.before} after={entry.after} />
                    </div>
                  ))}
                  <span>{t('zone.boundary.conflictRetry')}</span>
                </Flex>
              }
            />
          ) : null}
          {saveError ? (
            <ErrorAlert
              error={saveError}
              details={
                saveError instanceof ApiError && Object.keys(saveError.fieldErrors).length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {Object.entries(saveError.fieldErrors).map(([field, text]) => (
                      <li key={field}>
                        {fieldLabel(field, t)}: {text}
                      </li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          ) : null}
        </Flex>
      </Col>
    </Row>
  );
}
