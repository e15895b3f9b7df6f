import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableCellBorders,
  LineRuleType,
} from 'docx';
import { formatAdministrativeDateLine } from '../../domain/format/format';

/**
 * Word documents in the Vietnamese administrative format of Decree 30/2020/NĐ-CP, Appendix I: A4, Times New
 * Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm; the agency block (parent agency upright, issuing
 * agency bold, a short rule below, then "Số: …/…") on the left and the national motto with its underlined
 * slogan and the place-and-date line (italic) on the right; the document type and summary centred in bold;
 * the body justified with a first-line indent; the recipients ("Nơi nhận:") on the left and the signer's
 * authority, title and name on the right. Statutory forms add their annex header ("Biểu số 04 …").
 */

export type AdminTableColumn = {
  header: string;
  /** Relative width; the columns share the text width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
};

export type AdminTableRow = {
  cells: readonly string[];
  /** Section rows (I, II, III…) are bold. */
  bold?: boolean;
  italic?: boolean;
};

export type AdminBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'table'; columns: readonly AdminTableColumn[]; rows: readonly AdminTableRow[]; note?: string };

export type AdminDocumentSpec = {
  agency: { parent?: string | null; name: string };
  /** The number of the document, or null while it is a draft (the number is written in by hand). */
  number: string | null;
  /** The symbol after the number: "BC-SCT", "BC-UBND". */
  symbol: string;
  place: string;
  /** Calendar date of the document, 'YYYY-MM-DD'. */
  date: string;
  /** "BÁO CÁO" */
  docType: string;
  /** The summary (trích yếu) under the document type. */
  summary: string;
  /** Annex header for statutory forms: "Biểu số 04" and the legal basis line. */
  form?: { code: string; basis: string } | null;
  blocks: readonly AdminBlock[];
  signer: { authority?: string | null; title: string; name: string | null };
  recipients: readonly string[];
  orientation?: 'portrait' | 'landscape';
  /** Marks an unsigned draft in the header. */
  draft?: boolean;
  /** Document metadata. */
  title?: string;
  creator?: string;
};

const FONT = 'Times New Roman';
/** Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 1 twip short). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** docx sizes are half-points. */
const pt = (points: number) => points * 2;

const noBorders: ITableCellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const gridBorders: ITableCellBorders = { top: thin, bottom: thin, left: thin, right: thin };

type RunOptions = { bold?: boolean; italic?: boolean; underline?: boolean; size?: number };

function run(text: string, options: RunOptions = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    bold: options.bold,
    italics: options.italic,
    underline: options.underline ? {} : undefined,
    size: pt(options.size ?? 13),
  });
}

function centred(children: TextRun[], spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });
}

/** A short centred rule under the agency name (a third to a half of its length). */
function shortRule(indentTwips: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indentTwips, right: indentTwips },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { after: 120 },
    children: [],
  });
}

function layoutTable(
  widthsTwips: number[],
  cells: Paragraph[][],
  options: { cantSplit?: boolean } = {},
): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widthsTwips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widthsTwips,
    borders: {
      ...noBorders,
      insideHorizontal: noBorders.top,
      insideVertical: noBorders.top,
    },
    rows: [
      new TableRow({
        cantSplit: options.cantSplit,
        children: cells.map(
          (children, i) =>
            new TableCell({
              width: { size: widthsTwips[i] ?? 0, type: WidthType.DXA },
              margins: { left: 0, right: 0 },
              borders: noBorders,
              children,
            }),
        ),
      }),
    ],
  });
}

function textWidthTwips(spec: AdminDocumentSpec): number {
  const pageWidthMm = spec.orientation === 'landscape' ? 297 : 210;
  return mm(pageWidthMm - 30 - 15);
}

function headerBlock(spec: AdminDocumentSpec, width: number): Table {
  // The national motto (12 pt bold capitals, ~104 mm) must stay on one line: the right column takes 65 %.
  const left = Math.round(width * 0.35);
  const right = width - left;
  const number = spec.number ? `Số: ${spec.number}/${spec.symbol}` : `Số:        /${spec.symbol}`;
  const leftCell = [
    ...(spec.agency.parent ? [centred([run(spec.agency.parent.toLocaleUpperCase('vi'), { size: 13 })])] : []),
    centred([run(spec.agency.name.toLocaleUpperCase('vi'), { bold: true, size: 13 })]),
    shortRule(Math.round(left * 0.3)),
    centred([run(number, { size: 13 })]),
    ...(spec.draft ? [centred([run('DỰ THẢO', { bold: true, size: 12 })], 0)] : []),
  ];
  const rightCell = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: 13 })], 240),
    centred([run(formatAdministrativeDateLine(spec.place, spec.date), { italic: true, size: 13 })]),
  ];
  return layoutTable([left, right], [leftCell, rightCell]);
}

function formHeader(form: NonNullable<AdminDocumentSpec['form']>): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 120 },
      children: [run(form.code, { bold: true, size: 12 })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { after: 120 },
      children: [run(form.basis, { italic: true, size: 11 })],
    }),
  ];
}

function titleBlock(spec: AdminDocumentSpec): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [run(spec.docType.toLocaleUpperCase('vi'), { bold: true, size: 14 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(spec.summary, { bold: true, size: 14 })],
    }),
  ];
}

const alignments = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function dataTable(block: Extract<AdminBlock, { kind: 'table' }>, width: number): Table {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((width * c.width) / total));
  const cell = (text: string, index: number, options: RunOptions & { header?: boolean }) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      borders: gridBorders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: options.header
            ? AlignmentType.CENTER
            : alignments[block.columns[index]?.align ?? 'left'],
          children: [run(text, { ...options, size: 12 })],
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) => cell(c.header, i, { bold: true, header: true })),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.cells.map((text, i) => cell(text, i, { bold: row.bold, italic: row.italic })),
          }),
      ),
    ],
  });
}

function bodyBlocks(spec: AdminDocumentSpec, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of spec.blocks) {
    if (block.kind === 'heading') {
      out.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: mm(12.7) },
          spacing: { before: 120, after: 60 },
          children: [run(block.text, { bold: true, size: 14 })],
        }),
      );
    } else if (block.kind === 'paragraph') {
      out.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: mm(12.7) },
          spacing: { after: 120, line: 300 },
          children: [run(block.text, { italic: block.italic, size: 14 })],
        }),
      );
    } else {
      out.push(dataTable(block, width));
      if (block.note) {
        out.push(
          new Paragraph({
            spacing: { before: 60, after: 120 },
            children: [run(block.note, { italic: true, size: 11 })],
          }),
        );
      } else {
        out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
      }
    }
  }
  return out;
}

function signatureBlock(spec: AdminDocumentSpec, width: number): Table {
  const left = Math.round(width * 0.5);
  const right = width - left;
  const recipients = spec.recipients.map((line, i) => {
    const last = i === spec.recipients.length - 1;
    const text = `- ${line.replace(/[;.]\s*$/, '')}${last ? '.' : ';'}`;
    return new Paragraph({ children: [run(text, { size: 11 })] });
  });
  const leftCell = [
    new Paragraph({
      spacing: { before: 240 },
      children: [run('Nơi nhận:', { bold: true, italic: true, size: 12 })],
    }),
    ...recipients,
  ];
  const rightCell = [
    ...(spec.signer.authority
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240 },
            children: [run(spec.signer.authority.toLocaleUpperCase('vi'), { bold: true, size: 13 })],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: spec.signer.authority ? 0 : 240, after: 1400 },
      children: [run(spec.signer.title.toLocaleUpperCase('vi'), { bold: true, size: 13 })],
    }),
    centred([run(spec.signer.name ?? '', { bold: true, size: 14 })]),
  ];
  return layoutTable([left, right], [leftCell, rightCell], { cantSplit: true });
}

/**
 * A document cannot end with a table: Word and LibreOffice add an empty paragraph after the last one in the
 * default 13 pt size. When the signature table ends near the foot of a page, that paragraph got a page of its
 * own — the blank last page of the Biểu 04 PDF. The document ends with this 1 pt paragraph instead.
 */
function closingParagraph(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [run('', { size: 1 })],
  });
}

/** Builds the .docx file. */
export async function renderAdminDocument(spec: AdminDocumentSpec): Promise<Buffer> {
  const width = textWidthTwips(spec);
  const document = new Document({
    title: spec.title ?? spec.summary,
    creator: spec.creator ?? 'IZIS',
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: mm(210),
              height: mm(297),
              orientation:
                spec.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: mm(20),
              bottom: mm(20),
              left: mm(30),
              right: mm(15),
            },
          },
        },
        children: [
          headerBlock(spec, width),
          ...(spec.form ? formHeader(spec.form) : []),
          ...titleBlock(spec),
          ...bodyBlocks(spec, width),
          signatureBlock(spec, width),
          closingParagraph(),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
