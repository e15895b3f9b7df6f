/** Spreadsheet import and export. */
const vi = {
  'import.title': 'Nhập dữ liệu',
  'import.subtitle':
    'Nhập một danh sách từ tệp Excel (.xlsx) hoặc CSV: tệp được kiểm tra trước, rồi mới ghi — ghi tất cả hoặc không ghi gì.',
  'import.step.list': '1. Chọn danh sách',
  'import.step.file': '2. Chọn tệp',
  'import.step.result': '3. Kết quả kiểm tra: {name}',
  'import.list.zones': 'Khu, cụm công nghiệp',
  'import.list.organisations': 'Doanh nghiệp, tổ chức',
  'import.list.projects': 'Dự án thứ phát',
  'import.list.investmentEvents': 'Sự kiện vốn đầu tư',
  'import.list.obstacles': 'Vướng mắc',
  'import.list.scheduleSteps': 'Tiến độ kế hoạch',
  'import.listHint.zones':
    'Mỗi dòng một khu, cụm, nhận biết theo "Mã khu/cụm": mã đã có thì cập nhật, mã mới thì thêm mới.',
  'import.listHint.organisations':
    'Mỗi dòng một tổ chức, nhận biết theo "Mã tổ chức"; mã số thuế được kiểm tra chữ số kiểm tra và không được trùng.',
  'import.listHint.projects':
    'Mỗi dòng một dự án, nhận biết theo "Mã dự án"; khu, cụm và nhà đầu tư ghi bằng mã. Chỉ nhập được vào khu, cụm bạn được giao.',
  'import.listHint.investmentEvents':
    'Sổ vốn chỉ ghi thêm: dòng trùng với sự kiện đã có (dự án, loại, ngày, số tiền, loại tiền) được bỏ qua; sự kiện đã ghi không bị sửa hay xoá.',
  'import.listHint.obstacles':
    'Mỗi dòng một vướng mắc mới, ở trạng thái "Mới phát sinh"; dòng trùng với vướng mắc đã có (khu/cụm, nội dung, ngày phát sinh) được bỏ qua — vướng mắc đã có không bị sửa. Chỉ nhập được cho khu, cụm bạn được giao.',
  'import.listHint.scheduleSteps':
    'Mỗi dòng ngày kế hoạch của một bước, nhận biết theo "Mã khu/cụm" và "Bước": bước đã có thì điều chỉnh, bước mới thì lập mới. Ngày thực tế lấy từ vòng đời, không nhập.',
  'import.field.plannedDate': 'Ngày kế hoạch',
  'import.field.agency': 'Cơ quan chịu trách nhiệm',
  'import.field.sourceKind': 'Loại văn bản căn cứ',
  'import.field.sourceRef': 'Số, ngày văn bản',
  'import.field.note': 'Ghi chú',
  'import.template': 'Tải tệp mẫu (.xlsx)',
  'import.templateHint': 'Tệp mẫu có tiêu đề cột tiếng Việt và trang "Hướng dẫn" giải thích từng cột.',
  'import.exportHint': 'Tệp xuất có cùng các cột với tệp mẫu: sửa trong Excel rồi nhập lại được.',
  'import.drop': 'Kéo tệp .xlsx hoặc .csv vào đây, hoặc bấm để chọn tệp',
  'import.dropHint':
    'Tối đa {mb} MB. Tệp được kiểm tra trước; chưa có gì được ghi cho đến khi bạn bấm "Ghi dữ liệu".',
  'import.badType': 'Chỉ nhận tệp .xlsx hoặc .csv, không nhận "{name}".',
  'import.tooLarge': 'Tệp "{name}" quá lớn ({size}); tối đa {mb} MB.',
  'import.checking': 'Đang kiểm tra tệp {name}',
  'import.committing': 'Đang ghi dữ liệu từ tệp {name}',
  'import.stage.upload': 'Đang tải tệp lên: {loaded} / {total}',
  'import.stage.read': 'Máy chủ đang đọc tệp…',
  'import.stage.validate': 'Đã kiểm tra {done} / {rows} dòng',
  'import.stage.write': 'Đã ghi {done} / {rows} dòng',
  'import.count.rows': 'Số dòng dữ liệu',
  'import.count.create': 'Thêm mới',
  'import.count.update': 'Thay đổi',
  'import.count.unchanged': 'Không thay đổi',
  'import.count.bad': 'Dòng lỗi',
  'import.count.created': 'Đã thêm mới',
  'import.count.updated': 'Đã cập nhật',
  'import.duration': 'Thời gian xử lý: {seconds} giây',
  'import.hasErrors':
    'Tệp có {count} dòng lỗi. Chưa có gì được ghi: sửa các ô dưới đây trong tệp rồi tải lên lại.',
  'import.ready':
    'Tệp hợp lệ. Bấm "Ghi dữ liệu" để ghi {create} dòng mới và {update} dòng thay đổi cùng một lúc.',
  'import.nothingToWrite': 'Mọi dòng đều giống dữ liệu hiện có: không có gì để ghi.',
  'import.refused':
    'Chưa ghi gì: khi ghi, máy chủ kiểm tra lại và thấy lỗi (có thể dữ liệu vừa được người khác sửa).',
  'import.errors.title': 'Các lỗi cần sửa',
  'import.errors.row': 'Dòng',
  'import.errors.field': 'Cột',
  'import.errors.message': 'Lỗi',
  'import.errors.noField': '(cả dòng)',
  'import.errors.total': '{total} lỗi',
  'import.changes.title': 'Các dòng sẽ được ghi ({count})',
  'import.changes.key': 'Mã',
  'import.changes.action': 'Thao tác',
  'import.changes.fields': 'Trường thay đổi',
  'import.action.create': 'Thêm mới',
  'import.action.update': 'Cập nhật',
  'import.commit': 'Ghi dữ liệu',
  'import.again': 'Nhập tệp khác',
  'import.committed.title': 'Đã ghi dữ liệu',
  'import.openList': 'Xem danh sách {list}',
};

const en: Record<keyof typeof vi, string> = {
  'import.title': 'Import',
  'import.subtitle':
    'Import a list from an Excel (.xlsx) or CSV file: the file is checked first, then written — all of it or nothing.',
  'import.step.list': '1. Choose the list',
  'import.step.file': '2. Choose the file',
  'import.step.result': '3. Check result: {name}',
  'import.list.zones': 'Parks and clusters',
  'import.list.organisations': 'Enterprises, organisations',
  'import.list.projects': 'Tenant projects',
  'import.list.investmentEvents': 'Investment events',
  'import.list.obstacles': 'Obstacles',
  'import.list.scheduleSteps': 'Planned schedule',
  'import.listHint.zones':
    'One zone a row, matched on "Mã khu/cụm" (code): existing codes are updated, new codes added.',
  'import.listHint.organisations':
    'One organisation a row, matched on "Mã tổ chức" (code); the tax code’s check digit is checked and it must be unique.',
  'import.listHint.projects':
    'One project a row, matched on "Mã dự án" (code); zone and investor by code. Only into zones you are assigned.',
  'import.listHint.investmentEvents':
    'The capital ledger only grows: rows matching a stored event (project, kind, date, amount, currency) are skipped; stored events are never changed or deleted.',
  'import.listHint.obstacles':
    'One new obstacle a row, raised open; rows matching a stored obstacle (zone, title, day raised) are skipped — stored obstacles are never changed. Only for zones you are assigned.',
  'import.listHint.scheduleSteps':
    'One step’s planned date a row, matched on zone code and step: a planned step is revised, a new one set. Actual dates come from the lifecycle and are not imported.',
  'import.field.plannedDate': 'Planned date',
  'import.field.agency': 'Responsible agency',
  'import.field.sourceKind': 'Source document kind',
  'import.field.sourceRef': 'Source document',
  'import.field.note': 'Note',
  'import.template': 'Download the template (.xlsx)',
  'import.templateHint':
    'The template has Vietnamese column headers and a "Hướng dẫn" (guide) sheet explaining every column.',
  'import.exportHint': 'Exports have the template’s columns: edit in Excel and import back.',
  'import.drop': 'Drop an .xlsx or .csv file here, or click to choose one',
  'import.dropHint':
    'At most {mb} MB. The file is checked first; nothing is written until you click "Write data".',
  'import.badType': 'Only .xlsx or .csv files are accepted, not "{name}".',
  'import.tooLarge': 'The file "{name}" is too large ({size}); {mb} MB at most.',
  'import.checking': 'Checking {name}',
  'import.committing': 'Writing the data of {name}',
  'import.stage.upload': 'Uploading: {loaded} / {total}',
  'import.stage.read': 'The server is reading the file…',
  'import.stage.validate': '{done} / {rows} rows checked',
  'import.stage.write': '{done} / {rows} rows written',
  'import.count.rows': 'Data rows',
  'import.count.create': 'New',
  'import.count.update': 'Changed',
  'import.count.unchanged': 'Unchanged',
  'import.count.bad': 'Bad rows',
  'import.count.created': 'Added',
  'import.count.updated': 'Updated',
  'import.duration': 'Processed in {seconds} s',
  'import.hasErrors':
    'The file has {count} bad rows. Nothing was written: fix the cells below in the file and upload it again.',
  'import.ready':
    'The file is valid. Click "Write data" to write {create} new and {update} changed rows at once.',
  'import.nothingToWrite': 'Every row matches the stored data: nothing to write.',
  'import.refused':
    'Nothing was written: checking again while writing, the server found problems (the data may just have been changed by someone else).',
  'import.errors.title': 'Problems to fix',
  'import.errors.row': 'Row',
  'import.errors.field': 'Column',
  'import.errors.message': 'Problem',
  'import.errors.noField': '(whole row)',
  'import.errors.total': '{total} problems',
  'import.changes.title': 'Rows to be written ({count})',
  'import.changes.key': 'Code',
  'import.changes.action': 'Action',
  'import.changes.fields': 'Changed fields',
  'import.action.create': 'Add',
  'import.action.update': 'Update',
  'import.commit': 'Write data',
  'import.again': 'Import another file',
  'import.committed.title': 'Data written',
  'import.openList': 'Open the list: {list}',
};

export const importMessages = { vi, en };
