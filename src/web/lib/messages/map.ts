/** The map, and drawing and checking boundaries. */
const vi = {
  'geo.error.unreadable': 'Không đọc được tệp "{file}".',
  'geo.error.format': 'Tệp không phải GeoJSON hoặc KML. Hãy chọn tệp .geojson, .json hoặc .kml.',
  'geo.error.json': 'Tệp GeoJSON không đúng cú pháp JSON ({detail}).',
  'geo.error.xml': 'Tệp KML không đúng cú pháp XML.',
  'geo.error.noPolygon': 'Tệp không có vùng nào (Polygon hoặc MultiPolygon).',
  'geo.error.manyFeatures':
    'Tệp có {count} vùng riêng rẽ; chỉ được có một. Hãy để riêng ranh giới của khu, cụm này (hoặc gộp thành một MultiPolygon).',
  'geo.error.geometryType':
    'Kiểu hình học "{type}" không dùng được làm ranh giới; cần Polygon hoặc MultiPolygon.',
  'geo.error.ring': 'Vòng toạ độ thứ {ring} của vùng thứ {polygon} thiếu hoặc có ít hơn 4 điểm.',
  'geo.error.coordinate': 'Toạ độ không hợp lệ ở vùng thứ {polygon}, vòng {ring}: "{value}".',
  'geo.error.projected':
    'Toạ độ nằm ngoài phạm vi kinh độ, vĩ độ (ví dụ {value}) — có thể tệp dùng hệ VN-2000 hoặc UTM. Hãy chuyển sang WGS 84 (EPSG:4326) rồi tải lên lại.',
  'geo.error.crs': 'Tệp khai báo hệ toạ độ "{crs}"; chỉ nhận WGS 84 (EPSG:4326).',
  'map.subtitle': 'Ranh giới và vị trí các khu, cụm công nghiệp từ dữ liệu của hệ thống, không cần Internet.',
  'map.label': 'Bản đồ khu, cụm công nghiệp',
  'map.colorBy': 'Tô màu theo',
  'map.colorBy.lifecycle': 'Tình trạng',
  'map.colorBy.occupancy': 'Tỷ lệ lấp đầy',
  'map.legend': 'Chú giải',
  'map.legend.shapes': 'Vùng: có ranh giới · Chấm đặc: điểm vị trí đã ghi',
  'map.legend.approximate':
    'Chấm nhạt viền màu: chưa có vị trí, đặt tạm ở tâm xã, phường hoặc quận, huyện cũ; viền xám: chưa rõ cả xã, huyện, đặt tạm gần trung tâm thành phố',
  'map.legend.province': 'Địa giới thành phố',
  'map.legend.communes': 'Ranh giới xã, phường',
  'map.legend.territoryApproximate':
    'Đường nét đứt: ranh giới gần đúng, dựng từ tâm các xã, phường — không phải địa giới hành chính. Quản trị viên nhập địa giới chính thức (GeoJSON) tại Quản trị › Đơn vị hành chính.',
  'map.count':
    '{total} khu, cụm trên bản đồ: {boundaries} có ranh giới, {points} điểm vị trí đã ghi, {approximate} đặt gần đúng',
  'map.empty': 'Không có khu, cụm nào khớp bộ lọc để hiển thị trên bản đồ.',
  'map.openZone': 'Xem chi tiết',
  'map.fit': 'Xem toàn bộ',
  'map.webglError':
    'Trình duyệt này không hiển thị được bản đồ (cần WebGL). Danh sách khu, cụm vẫn dùng được.',
  'map.basemap': 'Nền bản đồ: {name}',
  'map.basemap.blank': 'không dùng bản đồ nền (chạy không cần Internet)',
  'map.basemap.custom': 'bản đồ nền cấu hình riêng',
  'map.missing':
    '{count} khu, cụm chưa có vị trí, xã, phường hay quận, huyện cũ nên không đặt được lên bản đồ:',
  'map.cityPlaced':
    '{count} khu, cụm chưa ghi vị trí, xã, phường hay quận, huyện cũ — đặt tạm quanh trung tâm thành phố (chấm viền xám):',
  'map.card.placement': 'Vị trí',
  'map.placement.commune': 'Gần đúng: tâm xã, phường',
  'map.placement.former_district': 'Gần đúng: tâm quận, huyện cũ',
  'map.placement.city': 'Chưa rõ: đặt tạm gần trung tâm thành phố',
  'draw.toolbar': 'Công cụ vẽ ranh giới',
  'draw.close': 'Khép vùng',
  'draw.addCentre': 'Thêm đỉnh ở tâm bản đồ',
  'draw.undo': 'Hoàn tác',
  'draw.cancelRing': 'Huỷ vùng đang vẽ',
  'draw.editVertices': 'Sửa đỉnh',
  'draw.drawAnother': 'Vẽ thêm vùng',
  'draw.deleteVertex': 'Xoá đỉnh đã chọn',
  'draw.deletePolygon': 'Xoá vùng đã chọn',
  'draw.deleteHole': 'Xoá lỗ đã chọn',
  'draw.status.start': 'Bấm lên bản đồ để đặt đỉnh đầu tiên.',
  'draw.status.drawing': 'Đã đặt {count} đỉnh. Bấm tiếp để thêm đỉnh.',
  'draw.status.canClose':
    'Đã đặt {count} đỉnh. Bấm vào đỉnh đầu tiên, nhấp đúp hoặc bấm "Khép vùng" để khép vùng.',
  'draw.status.edit':
    'Kéo đỉnh để di chuyển, kéo điểm giữa cạnh để thêm đỉnh; nhấp chuột phải vào đỉnh (hoặc chọn đỉnh rồi bấm Delete) để xoá.',
  'draw.status.editEmpty': 'Chưa có vùng nào. Bấm "Vẽ thêm vùng" để vẽ.',
  'draw.status.selected': 'Đã chọn đỉnh {vertex} của {where}.',
  'draw.status.selectedLast':
    'Đã chọn đỉnh {vertex} của {where}. Vùng này chỉ còn 3 đỉnh nên không xoá đỉnh được; có thể xoá cả vùng.',
  'draw.keys':
    'Bàn phím (khi bản đồ đang được chọn): phím mũi tên di chuyển bản đồ, + và − phóng to, thu nhỏ; phím cách thêm đỉnh ở tâm; Enter khép vùng; Backspace hoàn tác; Esc huỷ vùng đang vẽ; Delete xoá đỉnh đã chọn.',
  'draw.legend': 'Ranh giới đang vẽ',
  'draw.where.polygon': 'vùng {polygon}',
  'draw.where.hole': 'lỗ {hole} của vùng {polygon}',
  'draw.error.empty': 'Chưa có vùng nào. Hãy bấm lên bản đồ để đặt các đỉnh của ranh giới.',
  'draw.error.open':
    'Vùng đang vẽ chưa khép kín: bấm vào đỉnh đầu tiên, nhấp đúp hoặc bấm "Khép vùng" (hoặc huỷ vùng đó).',
  'draw.error.tooFewVertices': '{where} cần ít nhất 3 đỉnh khác nhau.',
  'draw.error.degenerate': '{where} không có diện tích: các đỉnh nằm trên một đường thẳng.',
  'draw.error.selfIntersection':
    '{where} có các cạnh cắt nhau (chỗ khoanh đỏ trên bản đồ). Hãy kéo đỉnh để gỡ chỗ cắt.',
  'draw.error.crossing':
    '{where} cắt hoặc chạm {other} (chỗ khoanh đỏ trên bản đồ). Các vùng không được chồng lên nhau.',
  'draw.error.inside': '{where} nằm bên trong {other}. Các vùng không được chồng lên nhau.',
  'draw.error.holeOutside': '{where} nằm ngoài vùng chứa nó.',
};

const en: Record<keyof typeof vi, string> = {
  'geo.error.unreadable': 'Could not read the file "{file}".',
  'geo.error.format': 'The file is neither GeoJSON nor KML. Choose a .geojson, .json or .kml file.',
  'geo.error.json': 'The GeoJSON file is not valid JSON ({detail}).',
  'geo.error.xml': 'The KML file is not valid XML.',
  'geo.error.noPolygon': 'The file contains no area (Polygon or MultiPolygon).',
  'geo.error.manyFeatures':
    'The file has {count} separate areas; only one is allowed. Keep only this zone’s boundary (or merge them into one MultiPolygon).',
  'geo.error.geometryType': 'Geometry type "{type}" cannot be a boundary; use Polygon or MultiPolygon.',
  'geo.error.ring': 'Ring {ring} of polygon {polygon} is missing or has fewer than 4 points.',
  'geo.error.coordinate': 'Invalid coordinate in polygon {polygon}, ring {ring}: "{value}".',
  'geo.error.projected':
    'Coordinates are outside longitude/latitude range (e.g. {value}) — the file may use VN-2000 or UTM. Convert it to WGS 84 (EPSG:4326) and upload again.',
  'geo.error.crs': 'The file declares the coordinate system "{crs}"; only WGS 84 (EPSG:4326) is accepted.',
  'map.subtitle':
    'Boundaries and locations of parks and clusters from the system’s own data; no Internet needed.',
  'map.label': 'Map of parks and clusters',
  'map.colorBy': 'Colour by',
  'map.colorBy.lifecycle': 'Status',
  'map.colorBy.occupancy': 'Occupancy',
  'map.legend': 'Legend',
  'map.legend.shapes': 'Area: boundary known · Solid dot: recorded position',
  'map.legend.approximate':
    'Pale dot with a coloured ring: no position, placed at its commune’s or former district’s centre; grey ring: not even the commune or district is known, placed near the city centre',
  'map.legend.province': 'City boundary',
  'map.legend.communes': 'Commune and ward lines',
  'map.legend.territoryApproximate':
    'Dashed: approximate lines drawn from the communes’ centres — not legal boundaries. An administrator imports the official ones (GeoJSON) under Administration › Administrative units.',
  'map.count':
    '{total} zones on the map: {boundaries} with a boundary, {points} at a recorded position, {approximate} placed approximately',
  'map.empty': 'No park or cluster matching the filters can be shown on the map.',
  'map.openZone': 'Open',
  'map.fit': 'Show all',
  'map.webglError': 'This browser cannot show the map (WebGL is needed). The list of zones still works.',
  'map.basemap': 'Basemap: {name}',
  'map.basemap.blank': 'none (works offline)',
  'map.basemap.custom': 'configured basemap',
  'map.missing': '{count} zones have no position, commune or former district, so cannot be placed:',
  'map.cityPlaced':
    '{count} zones have no recorded position, commune or former district — placed around the city centre for now (grey ring):',
  'map.card.placement': 'Position',
  'map.placement.commune': 'Approximate: commune centre',
  'map.placement.former_district': 'Approximate: former district centre',
  'map.placement.city': 'Unknown: placed near the city centre',
  'draw.toolbar': 'Boundary drawing tools',
  'draw.close': 'Close polygon',
  'draw.addCentre': 'Add vertex at map centre',
  'draw.undo': 'Undo',
  'draw.cancelRing': 'Cancel this polygon',
  'draw.editVertices': 'Edit vertices',
  'draw.drawAnother': 'Draw another polygon',
  'draw.deleteVertex': 'Delete selected vertex',
  'draw.deletePolygon': 'Delete selected polygon',
  'draw.deleteHole': 'Delete selected hole',
  'draw.status.start': 'Click on the map to place the first vertex.',
  'draw.status.drawing': '{count} vertices placed. Click to add more.',
  'draw.status.canClose':
    '{count} vertices placed. Click the first vertex, double-click or press "Close polygon" to close it.',
  'draw.status.edit':
    'Drag a vertex to move it, drag an edge midpoint to add one; right-click a vertex (or select it and press Delete) to delete it.',
  'draw.status.editEmpty': 'No polygon yet. Press "Draw another polygon" to draw one.',
  'draw.status.selected': 'Vertex {vertex} of {where} selected.',
  'draw.status.selectedLast':
    'Vertex {vertex} of {where} selected. This polygon has only 3 vertices, so none can be deleted; the whole polygon can.',
  'draw.keys':
    'Keyboard (with the map focused): arrow keys pan, + and − zoom; Space adds a vertex at the centre; Enter closes the polygon; Backspace undoes; Esc cancels the polygon being drawn; Delete removes the selected vertex.',
  'draw.legend': 'Boundary being drawn',
  'draw.where.polygon': 'polygon {polygon}',
  'draw.where.hole': 'hole {hole} of polygon {polygon}',
  'draw.error.empty': 'Nothing drawn yet. Click on the map to place the vertices of the boundary.',
  'draw.error.open':
    'The polygon being drawn is not closed: click its first vertex, double-click or press "Close polygon" (or cancel it).',
  'draw.error.tooFewVertices': '{where} needs at least 3 distinct vertices.',
  'draw.error.degenerate': '{where} has no area: its vertices lie on one line.',
  'draw.error.selfIntersection':
    '{where} crosses itself (circled in red on the map). Drag a vertex to undo the crossing.',
  'draw.error.crossing':
    '{where} crosses or touches {other} (circled in red on the map). Polygons may not overlap.',
  'draw.error.inside': '{where} lies inside {other}. Polygons may not overlap.',
  'draw.error.holeOutside': '{where} lies outside its polygon.',
};

export const mapMessages = { vi, en };
