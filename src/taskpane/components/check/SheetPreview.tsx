import * as React from 'react';
import { Badge, makeStyles, mergeClasses, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import type { Finding, Lang } from '../../../core/model/findings';
import type { WorkbookGrid } from '../../../core/model/grid';
import { cellAddress, columnLetters } from '../../../core/model/grid';
import { SEVERITY_FILL_HEX } from '../../../core/report/colours';
import type { Strings } from '../../i18n';
import type { CellMark, CellRef } from '../../preview-model';
import { useGrowingCount } from '../../hooks/useGrowingCount';
import { cellMarks, displayValue, mergeLayout, rowHeadWidth, rowWindow, sheetHeight, sheetWidth } from '../../preview-model';

const MAX_COLS = 200;
/**
 * Cells added per frame: a 500-row window of a 51-column sheet is ~25,000 cells, too many to lay out in one task,
 * and each frame lays the whole table out again (in bench:page, steps of 1,500 cells made 60–85 ms frames).
 */
const STEP_CELLS = 800;
/** Rows drawn with the results: a tall window shows ~35; the rest follow frame by frame. */
const FIRST_ROWS = 40;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', gap: '6px' },
  tabs: { flexShrink: 0, overflowX: 'auto' },
  scroller: {
    position: 'relative',
    flexGrow: 1,
    minHeight: '240px',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: '18px',
    color: tokens.colorNeutralForeground1,
    '& td': {
      borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
      padding: '3px 6px',
      maxWidth: '220px',
      minWidth: '36px',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      verticalAlign: 'top',
    },
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    textAlign: 'center',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '3px 6px',
    textAlign: 'right',
    minWidth: '28px',
  },
  corner: { left: 0, zIndex: 5 },
  // The name column stays beside the row numbers when the sheet scrolls sideways (left set inline).
  frozen: {
    position: 'sticky',
    zIndex: 2,
    maxWidth: '7em',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset -2px 0 0 ${tokens.colorNeutralStroke1}`,
  },
  frozenHead: { zIndex: 4, boxShadow: `inset -2px 0 0 ${tokens.colorNeutralStroke1}` },
  marked: { color: '#1f1f1f', cursor: 'pointer' },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    boxShadow: `0 0 0 3px ${tokens.colorBrandStroke2}`,
    position: 'relative',
    zIndex: 1,
  },
  selectedHead: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  footer: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, flexShrink: 0 },
  empty: { padding: '24px', color: tokens.colorNeutralForeground3 },
});

export interface SheetPreviewProps {
  grid: WorkbookGrid;
  /** Column kept in view (the name column, preview-model nameColumns), by sheet name. */
  frozen?: ReadonlyMap<string, number>;
  findings: readonly Finding[];
  selected?: CellRef;
  /** A marked cell was clicked. */
  onCellClick?(ref: CellRef): void;
  t: Strings;
  lang: Lang;
}

export function SheetPreview({ grid, frozen, findings, selected, onCellClick, t, lang }: SheetPreviewProps) {
  const s = useStyles();
  const firstSheet = React.useMemo(() => {
    const withFinding = grid.sheets.find((sh) => findings.some((f) => f.sheet === sh.name));
    return (withFinding ?? grid.sheets.find((sh) => !sh.hidden) ?? grid.sheets[0])?.name;
  }, [grid, findings]);
  // The tab shown: the user's pick, until another workbook (first sheet) or another selected finding decides.
  const [active, setActive] = React.useState<string | undefined>(selected?.sheet ?? firstSheet);
  const [decidedBy, setDecidedBy] = React.useState({ firstSheet, selected });
  if (decidedBy.firstSheet !== firstSheet || decidedBy.selected !== selected) {
    setDecidedBy({ firstSheet, selected });
    setActive(selected && selected !== decidedBy.selected ? selected.sheet : firstSheet);
  }

  const sheet = grid.sheets.find((sh) => sh.name === active) ?? grid.sheets[0];
  const scroller = React.useRef<HTMLDivElement>(null);
  const marks = React.useMemo(() => (sheet ? cellMarks(findings, sheet.name, lang) : new Map<string, CellMark>()), [findings, sheet, lang]);
  const height = sheet ? sheetHeight(sheet, findings) : 0;
  const width = sheet ? Math.min(sheetWidth(sheet, findings), MAX_COLS) : 0;
  const sel = selected && sheet && selected.sheet === sheet.name ? selected : undefined;
  const win = rowWindow(height, sel?.row);
  // Cheap (the merges of a window of rows): computed on every render.
  const layout = mergeLayout(sheet?.merges ?? [], win, width);
  const headWidth = rowHeadWidth(height);
  const frozenCol = sheet ? frozen?.get(sheet.name) : undefined;
  const headStyle = { width: headWidth, minWidth: headWidth, maxWidth: headWidth, boxSizing: 'border-box' as const };
  // The window's rows are drawn a step a frame (rows down to the selected cell at once).
  const step = Math.max(20, Math.floor(STEP_CELLS / Math.max(1, width)));
  const drawn = useGrowingCount([sheet, win.start], win.end - win.start, Math.min(step, FIRST_ROWS), step);
  const drawnEnd = Math.min(win.end, Math.max(win.start + drawn, sel === undefined ? 0 : sel.row + 1));

  // Bring the selected cell into view (inside the preview only, not the whole page).
  React.useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || !sel) return;
    const el = box.querySelector<HTMLElement>(`td[data-cell="${cellAddress(sel.row, sel.col)}"]`);
    if (!el) return;
    const b = box.getBoundingClientRect();
    const e = el.getBoundingClientRect();
    box.scrollTop += e.top - b.top - (b.height - e.height) / 2;
    // Right of the frozen name column, never under it.
    const pinned = frozenCol !== undefined && sel.col > frozenCol ? box.querySelector<HTMLElement>('td[data-frozen]') : null;
    const clear = pinned ? headWidth + pinned.offsetWidth + 4 : 40;
    box.scrollLeft += e.left - b.left - Math.max(clear, (b.width - e.width) / 2);
    // In a narrow window the preview sits below the fold of the scrolling pane: bring it into view.
    if (typeof box.scrollIntoView === 'function') box.scrollIntoView({ block: 'nearest' });
  }, [sel, sheet, frozenCol, headWidth]);

  if (!sheet) return <div className={s.empty}>{t.previewEmpty}</div>;

  const rows: React.ReactNode[] = [];
  for (let r = win.start; r < drawnEnd; r++) {
    const cells: React.ReactNode[] = [];
    const data = sheet.rows[r] ?? [];
    for (let c = 0; c < width; c++) {
      const key = `${r},${c}`;
      if (layout.covered.has(key)) continue;
      const span = layout.spans.get(key);
      const mark = marks.get(key);
      const isSel = sel !== undefined && sel.row === r && sel.col === c;
      const a1 = cellAddress(r, c);
      const text = displayValue(data[c] ?? null);
      // A merged area across the name column (a title line) scrolls away; the name cells stay.
      const isFrozen = c === frozenCol && !span;
      const style: React.CSSProperties | undefined =
        mark || isFrozen ? { ...(mark ? { backgroundColor: SEVERITY_FILL_HEX[mark.severity] } : {}), ...(isFrozen ? { left: headWidth } : {}) } : undefined;
      cells.push(
        <td
          key={c}
          data-cell={a1}
          data-severity={mark?.severity}
          data-selected={isSel ? 'true' : undefined}
          aria-current={isSel ? 'true' : undefined}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          data-frozen={isFrozen ? 'true' : undefined}
          className={mergeClasses(mark && s.marked, isSel && s.selected, isFrozen && s.frozen)}
          style={style}
          title={mark ? `${a1}${t.colon}${mark.title}` : text.length > 16 ? text : undefined}
          onClick={mark && onCellClick ? () => onCellClick({ sheet: sheet.name, row: r, col: c }) : undefined}
        >
          {text}
        </td>,
      );
    }
    rows.push(
      <tr key={r}>
        <th scope="row" className={mergeClasses(s.rowHead, sel?.row === r && s.selectedHead)} style={headStyle}>
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }

  return (
    <div className={s.root}>
      {grid.sheets.length > 1 && (
        <TabList className={s.tabs} size="small" selectedValue={sheet.name} onTabSelect={(_, d) => setActive(String(d.value))} aria-label={t.previewTitle}>
          {grid.sheets.map((sh) => {
            const n = findings.filter((f) => f.sheet === sh.name).length;
            return (
              <Tab key={sh.name} value={sh.name} data-testid="preview-sheet-tab">
                {sh.name}
                {sh.hidden ? t.paren(t.hiddenSheet) : ''}
                {n > 0 && (
                  <Badge size="small" appearance="tint" color="informative" style={{ marginInlineStart: 6 }}>
                    {n}
                  </Badge>
                )}
              </Tab>
            );
          })}
        </TabList>
      )}
      <div className={s.scroller} ref={scroller} data-testid="preview" data-sheet={sheet.name} tabIndex={0} role="region" aria-label={`${t.previewTitle}${t.colon}${sheet.name}`}>
        {height === 0 ? (
          <div className={s.empty}>{t.emptySheet}</div>
        ) : (
          <table className={s.table} aria-rowcount={height} aria-colcount={width}>
            <thead>
              <tr>
                <th className={mergeClasses(s.colHead, s.corner)} style={headStyle} aria-hidden />
                {Array.from({ length: width }, (_, c) => (
                  <th
                    key={c}
                    scope="col"
                    className={mergeClasses(s.colHead, c === frozenCol && s.frozenHead, sel?.col === c && s.selectedHead)}
                    style={c === frozenCol ? { left: headWidth } : undefined}
                  >
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        )}
      </div>
      {(win.start > 0 || win.end < height) && <Text className={s.footer}>{t.previewRows(win.start + 1, win.end, height)}</Text>}
    </div>
  );
}
