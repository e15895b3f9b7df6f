import { useQueryClient } from '@tanstack/react-query';
import { DeleteOutlined, EditOutlined, FormOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Typography, Upload } from 'antd';
import { lazy, Suspense, useMemo, useReducer, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { areaHa, bboxOf, countParts, HANOI_BBOX, overlaps, type AreaGeometry } from '../../../geometry/geo';
import {
  drawProblems,
  drawReducer,
  geometryOfPolygons,
  initialDrawState,
  liveGeometry,
  type DrawOrigin,
} from '../../../geometry/geo-draw';
import { parseBoundaryFile, type ParseProblem } from '../../../geometry/geo-file';
import { useFormat, type Formatters } from '../../../lib/format';
import { useT, type Translate } from '../../../lib/i18n';
import { drawProblemText } from '../../../components/map/draw-text';
import type { BoundaryEditor } from '../../../components/map/use-boundary-drawing';
import {
  useDeleteBoundary,
  usePutBoundary,
  useZonesMap,
  zoneKeys,
  type AuditEntry,
  type ZoneDetail,
} from '../api/zone-api';
import { FieldChanges } from './zone-field-changes';
import { fieldLabel } from './zone-fields';
import { areaDifference } from './zone-overview';

// MapLibre loads only when this tab is opened.
const BoundaryMap = lazy(() => import('./boundary-map').then((m) => ({ default: m.BoundaryMap })));

type UploadedBoundary = { fileName: string; geometry: AreaGeometry };

/** More than this share off the declared area is worth a second look before saving. */
const BIG_DIFFERENCE = 0.1;

const bigDifference = (area: number | null, declared: number | null) =>
  area !== null && declared ? Math.abs(area - declared) / declared > BIG_DIFFERENCE : false;

/** A boundary not saved yet: its parts, estimated area, the declared area and the difference. */
function AreaFigures({
  geometry,
  declared,
  t,
  format,
  testId,
}: {
  geometry: AreaGeometry | null;
  declared: number | null;
  t: Translate;
  format: Formatters;
  testId: string;
}) {
  const estimated = geometry ? areaHa(geometry) : null;
  const parts = geometry ? countParts(geometry) : { polygons: 0, holes: 0 };
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        data-testid={testId}
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
            children:
              estimated === null ? (
                '—'
              ) : (
                <span title={t('zone.boundary.estimatedHint')} data-testid={`${testId}-area`}>
                  ≈ {format.area(estimated, { maxFractionDigits: 2 })}
                </span>
              ),
          },
          { key: 'declared', label: t('zone.boundary.declared'), children: format.area(declared) },
          {
            key: 'diff',
            label: t('zone.boundary.diff'),
            children:
              estimated !== null && declared ? (
                <span data-testid={`${testId}-diff`}>{areaDifference(estimated, declared, format)}</span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('zone.boundary.estimatedHint')}
      </Typography.Text>
      {geometry && !overlaps(bboxOf([geometry]) ?? HANOI_BBOX, HANOI_BBOX) ? (
        <Alert type="warning" showIcon title={t('zone.boundary.farAway')} />
      ) : null}
      {bigDifference(estimated, declared) ? (
        <Alert type="warning" showIcon title={t('zone.boundary.bigDiff')} />
      ) : null}
    </>
  );
}

/**
 * Ranh giới: the current boundary against the declared area; for the zone's keepers, upload a GeoJSON or KML
 * file, or draw the boundary by hand on the map (or edit the current or uploaded one there), see its estimated
 * area and what is wrong with it, and save it (the server computes the stored area).
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
  const [draw, dispatch] = useReducer(drawReducer, initialDrawState);
  const problems = useMemo(
    () => (draw.active ? drawProblems(draw) : []),
    // Only the shape matters, not the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draw.active, draw.polygons, draw.current],
  );
  const editor = useMemo<BoundaryEditor>(() => ({ state: draw, dispatch, problems }), [draw, problems]);
  const drawnGeometry = useMemo(() => (draw.active ? liveGeometry(draw) : null), [draw]);
  // The saved boundary, to edit it: the same query the map shows it from.
  const zonesMap = useZonesMap({});
  const savedBoundary = useMemo<AreaGeometry | null>(() => {
    const feature = zonesMap.data?.features.find((f) => f.properties.code === zone.code);
    const geometry = feature?.geometry;
    return geometry && geometry.type !== 'Point' ? geometry : null;
  }, [zonesMap.data, zone.code]);

  function clearMessages() {
    setProblem(null);
    setSaveError(null);
    setConflictChanges(null);
  }

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

  function saveGeometry(geometry: AreaGeometry, onSaved: () => void) {
    setSaveError(null);
    setConflictChanges(null);
    put.mutate(
      { geometry, version: zone.version },
      {
        onSuccess: (saved) => {
          void message.success(t('zone.boundary.saved', { area: format.area(saved.boundaryAreaHa) }));
          onSaved();
        },
        onError: onWriteError,
      },
    );
  }

  function save() {
    if (upload) saveGeometry(upload.geometry, () => setUpload(null));
  }

  function saveDrawing() {
    const geometry = geometryOfPolygons(draw.polygons);
    if (!geometry || problems.length > 0) return;
    saveGeometry(geometry, () => dispatch({ type: 'stop' }));
  }

  function startDrawing(origin: DrawOrigin, geometry: AreaGeometry | null) {
    clearMessages();
    setUpload(null);
    dispatch({ type: 'start', mode: geometry ? 'edit' : 'draw', origin, geometry });
  }

  function deleteBoundary() {
    setSaveError(null);
    setConflictChanges(null);
    remove.mutate(zone.version, {
      onSuccess: () => void message.success(t('zone.boundary.deleted')),
      onError: onWriteError,
    });
  }

  const declared = zone.declaredAreaHa;
  const drawingTitle =
    draw.origin.kind === 'file'
      ? t('zone.boundary.drawing.file', { file: draw.origin.name })
      : t(`zone.boundary.drawing.${draw.origin.kind}`);

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={14}>
        <Suspense fallback={<PageLoader />}>
          <BoundaryMap
            code={zone.code}
            preview={draw.active ? null : (upload?.geometry ?? null)}
            editor={canManage ? editor : undefined}
            height={draw.active ? 480 : 360}
          />
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
            {zone.hasBoundary && bigDifference(zone.boundaryAreaHa, declared) ? (
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

          {canManage && draw.active ? (
            <Card size="small" title={drawingTitle} data-testid="boundary-drawing">
              <Flex vertical gap={8}>
                <AreaFigures
                  geometry={drawnGeometry}
                  declared={declared}
                  t={t}
                  format={format}
                  testId="drawing-figures"
                />
                {problems.length > 0 ? (
                  <Alert
                    type={problems.every((p) => p.kind === 'open' || p.kind === 'empty') ? 'info' : 'error'}
                    showIcon
                    data-testid="drawing-problems"
                    title={t('zone.boundary.fixFirst')}
                    description={
                      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                        {problems.map((p, index) => (
                          <li key={index}>{drawProblemText(p, t)}</li>
                        ))}
                      </ul>
                    }
                  />
                ) : (
                  <Alert
                    type="success"
                    showIcon
                    data-testid="drawing-valid"
                    title={t('zone.boundary.valid')}
                  />
                )}
                {zone.hasBoundary ? <Alert type="info" showIcon title={t('zone.boundary.replaces')} /> : null}
                <Flex gap={8} wrap>
                  <Button
                    type="primary"
                    onClick={saveDrawing}
                    loading={put.isPending}
                    disabled={problems.length > 0}
                    data-testid="drawing-save"
                  >
                    {t('zone.boundary.save')}
                  </Button>
                  <Popconfirm
                    title={t('zone.boundary.drawDiscard')}
                    description={<div style={{ maxWidth: 320 }}>{t('zone.boundary.drawDiscardConfirm')}</div>}
                    okText={t('zone.boundary.drawDiscard')}
                    cancelText={t('common.cancel')}
                    disabled={draw.past.length === 0}
                    onConfirm={() => dispatch({ type: 'stop' })}
                  >
                    <Button
                      onClick={draw.past.length === 0 ? () => dispatch({ type: 'stop' }) : undefined}
                      data-testid="drawing-discard"
                    >
                      {t('zone.boundary.drawDiscard')}
                    </Button>
                  </Popconfirm>
                </Flex>
              </Flex>
            </Card>
          ) : null}

          {canManage && !draw.active ? (
            <Card size="small" title={t('zone.boundary.draw')}>
              <Typography.Paragraph type="secondary">{t('zone.boundary.drawHint')}</Typography.Paragraph>
              <Flex gap={8} wrap>
                <Button
                  icon={<FormOutlined aria-hidden />}
                  onClick={() => startDrawing({ kind: 'new' }, null)}
                  data-testid="draw-new"
                >
                  {t('zone.boundary.drawNew')}
                </Button>
                {zone.hasBoundary ? (
                  <Button
                    icon={<EditOutlined aria-hidden />}
                    disabled={!savedBoundary}
                    loading={zonesMap.isLoading}
                    onClick={() => savedBoundary && startDrawing({ kind: 'current' }, savedBoundary)}
                    data-testid="draw-edit-current"
                  >
                    {t('zone.boundary.editCurrent')}
                  </Button>
                ) : null}
              </Flex>
            </Card>
          ) : null}

          {canManage && !draw.active ? (
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
              {upload ? (
                <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="boundary-preview">
                  <Typography.Text strong>
                    {t('zone.boundary.preview', { file: upload.fileName })}
                  </Typography.Text>
                  <AreaFigures
                    geometry={upload.geometry}
                    declared={declared}
                    t={t}
                    format={format}
                    testId="upload-figures"
                  />
                  {zone.hasBoundary ? (
                    <Alert type="info" showIcon title={t('zone.boundary.replaces')} />
                  ) : null}
                  <Flex gap={8} wrap>
                    <Button type="primary" onClick={save} loading={put.isPending} data-testid="boundary-save">
                      {t('zone.boundary.save')}
                    </Button>
                    <Button
                      icon={<EditOutlined aria-hidden />}
                      onClick={() => startDrawing({ kind: 'file', name: upload.fileName }, upload.geometry)}
                    >
                      {t('zone.boundary.editFile')}
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
