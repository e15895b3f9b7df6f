import {
  AimOutlined,
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { canCloseRing, canDeleteVertex } from '../../geometry/geo-draw';
import { useT } from '../../lib/i18n';
import { ringName } from './draw-text';
import { centreOf, type BoundaryEditor } from './use-boundary-drawing';

/** One line saying what to do next, read out by screen readers as it changes. */
export function BoundaryDrawStatus({ editor }: { editor: BoundaryEditor }) {
  const t = useT();
  const { state } = editor;
  const selected = state.selected;
  const count = state.current.length;

  let status: string;
  if (state.mode === 'draw') {
    status =
      count === 0
        ? t('draw.status.start')
        : canCloseRing(state)
          ? t('draw.status.canClose', { count })
          : t('draw.status.drawing', { count });
  } else if (state.polygons.length === 0) {
    status = t('draw.status.editEmpty');
  } else if (selected) {
    const params = { vertex: selected.vertex + 1, where: ringName(selected, t) };
    status = canDeleteVertex(state, selected)
      ? t('draw.status.selected', params)
      : t('draw.status.selectedLast', params);
  } else {
    status = t('draw.status.edit');
  }

  return (
    <Typography.Text aria-live="polite" data-testid="draw-status">
      {status}
    </Typography.Text>
  );
}

/** The drawing tools as ordinary buttons: reachable with Tab, labelled in Vietnamese. */
export function BoundaryDrawToolbar({ editor, map }: { editor: BoundaryEditor; map: MapLibreMap | null }) {
  const t = useT();
  const { state, dispatch } = editor;
  const drawing = state.mode === 'draw';
  const selected = state.selected;
  const count = state.current.length;
  return (
    <Flex gap={6} wrap role="toolbar" aria-label={t('draw.toolbar')} data-testid="draw-toolbar">
      {drawing ? (
        <>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={!canCloseRing(state)}
            onClick={() => dispatch({ type: 'closeRing' })}
          >
            {t('draw.close')}
          </Button>
          <Button
            size="small"
            icon={<AimOutlined aria-hidden />}
            disabled={!map}
            onClick={() => map && dispatch({ type: 'addVertex', position: centreOf(map) })}
          >
            {t('draw.addCentre')}
          </Button>
          <Button
            size="small"
            icon={<CloseOutlined aria-hidden />}
            disabled={count === 0}
            onClick={() => dispatch({ type: 'cancelRing' })}
          >
            {t('draw.cancelRing')}
          </Button>
          {state.polygons.length > 0 ? (
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              disabled={count > 0}
              onClick={() => dispatch({ type: 'setMode', mode: 'edit' })}
            >
              {t('draw.editVertices')}
            </Button>
          ) : null}
        </>
      ) : (
        <>
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => dispatch({ type: 'setMode', mode: 'draw' })}
          >
            {t('draw.drawAnother')}
          </Button>
          <Button
            size="small"
            icon={<DeleteOutlined aria-hidden />}
            disabled={!canDeleteVertex(state, selected)}
            onClick={() => selected && dispatch({ type: 'deleteVertex', ref: selected })}
          >
            {t('draw.deleteVertex')}
          </Button>
          <Button
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden />}
            disabled={!selected}
            onClick={() =>
              selected && dispatch({ type: 'deleteRing', polygon: selected.polygon, ring: selected.ring })
            }
          >
            {selected && selected.ring > 0 ? t('draw.deleteHole') : t('draw.deletePolygon')}
          </Button>
        </>
      )}
      <Button
        size="small"
        icon={<UndoOutlined aria-hidden />}
        disabled={state.past.length === 0}
        onClick={() => dispatch({ type: 'undo' })}
      >
        {t('draw.undo')}
      </Button>
    </Flex>
  );
}
