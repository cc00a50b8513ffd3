/**
 * exceljs cannot write charts, so the score-spread chart is added to the finished .xlsx with jszip: a DrawingML
 * chart part, a drawing that anchors it on the sheet, the relationships between sheet → drawing → chart, and
 * their content types. The chart is a floating-bar range chart: a stacked column chart whose first series (the
 * lowest total) is invisible and whose second (highest − lowest) is drawn, so each candidate gets a bar from
 * their lowest to their highest total, and a marker-only line series puts the trimmed mean on it — the spread at
 * a glance, in ranking order. (High-low lines on a line chart would be simpler, but LibreOffice draws them only on
 * stock charts; stacked bars and markers render the same everywhere.) Browser-safe.
 */
import JSZip from 'jszip';
import { columnRangeRef } from '../../../core/model/sheet-refs';
import { addContentTypeOverrides, CONTENT_TYPE } from '../ooxml/content-types';
import { addRelationship, NS_OFFICE_RELATIONSHIPS, relationshipsPart, relationshipsXml, worksheetPart } from '../ooxml/rels';
import { escapeXml as esc } from '../ooxml/xml';
import { freePartName, readPart } from '../ooxml/zip';

export interface SpreadChart {
  /** The sheet the chart goes on (by name) and where its data are (1-based rows, column letters). */
  sheet: string;
  /** The sheet holding the data, when it is not the chart's own (a chart sheet of its own prints on one page). */
  dataSheet?: string;
  firstRow: number;
  lastRow: number;
  /** Column with the category labels (candidate codes). */
  categoryCol: string;
  categories: string[];
  /** The lowest total (the invisible base of each bar), highest − lowest (the visible bar), and the mark. */
  low: ChartSeries;
  range: ChartSeries;
  mark: ChartSeries;
  title: string;
  /** Axis maximum (the rubric's maximum total). */
  max: number;
  /** Anchor: 0-based column and row of the top-left corner, and the size in columns and rows. */
  at: { col: number; row: number; cols: number; rows: number };
}

export interface ChartSeries {
  name: string;
  col: string;
  values: (number | undefined)[];
}

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = NS_OFFICE_RELATIONSHIPS;
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_DRAWING = `${NS_OFFICE_RELATIONSHIPS}/drawing`;
const REL_CHART = `${NS_OFFICE_RELATIONSHIPS}/chart`;

const AX_CAT = 50010001;
const AX_VAL = 50010002;

export function chartXml(c: SpreadChart): string {
  const n = c.categories.length;
  const data = c.dataSheet ?? c.sheet;
  const catRef = columnRangeRef(data, c.categoryCol, c.firstRow, c.lastRow);
  const cat = `<c:cat><c:strRef><c:f>${esc(catRef)}</c:f><c:strCache><c:ptCount val="${n}"/>${c.categories.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('')}</c:strCache></c:strRef></c:cat>`;
  // Series names are literal (the bar is 最低分至最高分, not the 极差 column's header).
  const tx = (s: ChartSeries) => `<c:tx><c:v>${esc(s.name)}</c:v></c:tx>`;
  const val = (s: ChartSeries) => {
    const ref = columnRangeRef(data, s.col, c.firstRow, c.lastRow);
    const pts = s.values.map((v, k) => (v === undefined ? '' : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)).join('');
    return `<c:val><c:numRef><c:f>${esc(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${pts}</c:numCache></c:numRef></c:val>`;
  };
  const bars =
    `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>${tx(c.low)}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>${cat}${val(c.low)}</c:ser>` +
    `<c:ser><c:idx val="1"/><c:order val="1"/>${tx(c.range)}<c:spPr><a:solidFill><a:srgbClr val="9DC3E6"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="2E75B6"/></a:solidFill></a:ln></c:spPr><c:invertIfNegative val="0"/>${cat}${val(c.range)}</c:ser>` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${AX_CAT}"/><c:axId val="${AX_VAL}"/></c:barChart>`;
  const line =
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="2"/><c:order val="2"/>${tx(c.mark)}<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="diamond"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></a:ln></c:spPr></c:marker>` +
    `${cat}${val(c.mark)}<c:smooth val="0"/></c:ser>` +
    `<c:marker val="1"/><c:axId val="${AX_CAT}"/><c:axId val="${AX_VAL}"/></c:lineChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${bars}${line}` +
    `<c:catAx><c:axId val="${AX_CAT}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:txPr><a:bodyPr rot="-5400000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `<c:crossAx val="${AX_VAL}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${AX_VAL}"/><c:scaling><c:orientation val="minMax"/><c:max val="${c.max}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${AX_CAT}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    // The invisible base series is left out of the legend.
    `<c:legend><c:legendPos val="t"/><c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

function drawingXml(c: SpreadChart, chartRelId: string): string {
  const { col, row, cols, rows } = c.at;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    `<xdr:twoCellAnchor editAs="oneCell">` +
    `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${col + cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** Elements that must come after <drawing> in a worksheet (CT_Worksheet sequence). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Adds the chart to an opened workbook package (see the file comment). Throws when the sheet is not found. */
export async function addSpreadChart(zip: JSZip, chart: SpreadChart): Promise<void> {
  const sheetPath = await worksheetPart(zip, chart.sheet);

  const chartPath = freePartName(zip, (n) => `xl/charts/chart${n}.xml`);
  const drawingPath = freePartName(zip, (n) => `xl/drawings/drawing${n}.xml`);
  const drawingFile = drawingPath.split('/').pop()!;
  zip.file(chartPath, chartXml(chart));
  zip.file(drawingPath, drawingXml(chart, 'rId1'));
  zip.file(relationshipsPart(drawingPath), relationshipsXml([{ id: 'rId1', type: REL_CHART, target: '../charts/' + chartPath.split('/').pop() }]));

  // The sheet → drawing relationship (merged into an existing rels part if exceljs wrote one).
  const drawingRelId = 'rIdJxDrawing1';
  await addRelationship(zip, sheetPath, { id: drawingRelId, type: REL_DRAWING, target: `../drawings/${drawingFile}` });

  let sheetXml = (await readPart(zip, sheetPath))!;
  if (/<drawing\b/.test(sheetXml)) throw new Error('chart: the sheet already has a drawing');
  if (!/xmlns:r=/.test(sheetXml.slice(0, 1000))) sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  const tag = `<drawing r:id="${drawingRelId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf('</worksheet>');
  zip.file(sheetPath, sheetXml.slice(0, at) + tag + sheetXml.slice(at));

  await addContentTypeOverrides(zip, [
    { part: chartPath, contentType: CONTENT_TYPE.chart },
    { part: drawingPath, contentType: CONTENT_TYPE.drawing },
  ]);
}
