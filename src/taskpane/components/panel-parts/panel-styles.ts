/**
 * Styles the scoring and cultivation panels share. They use token() (CSS variables) rather than Fluent's
 * `tokens` object, which would pull all of it into the lazily loaded chunk's parent (see ../css-vars.ts).
 */
import { makeStyles } from '@fluentui/react-components';
import { token } from '../css-vars';

/** Class of a table cell holding a figure (see usePanelStyles().table). */
export const NUM = 'jx-num';
/** Class of a table cell holding names or units: not squeezed below a readable width. */
export const TEXT = 'jx-text';

export const usePanelStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '10px 12px',
    borderRadius: token('borderRadiusLarge'),
    backgroundColor: token('colorNeutralBackground1'),
    border: `1px solid ${token('colorNeutralStroke2')}`,
    minWidth: 0,
  },
  heading: { fontSize: token('fontSizeBase300'), fontWeight: token('fontWeightSemibold'), margin: 0 },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  rowCenter: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '160px' },
  narrowField: { width: '130px' },
  dateField: { width: '170px' },
  /** Inputs and drop-downs fill their field (Fluent's own minimum widths would overflow a narrow field). */
  control: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  muted: { color: token('colorNeutralForeground3') },
  small: { color: token('colorNeutralForeground3'), fontSize: token('fontSizeBase200') },
  fileName: {
    color: token('colorNeutralForeground2'),
    fontSize: token('fontSizeBase200'),
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '100%',
  },
  hiddenInput: { display: 'none' },
  lines: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '2px' },
  // A table wider than the pane scrolls sideways, with a bar that shows there is more (not an overlay bar).
  tableWrap: { overflowX: 'auto', maxWidth: '100%', scrollbarWidth: 'thin', scrollbarColor: `${token('colorNeutralStroke1')} transparent` },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: token('fontSizeBase200'),
    '& th, & td': {
      borderBottom: `1px solid ${token('colorNeutralStroke2')}`,
      padding: '4px 6px',
      textAlign: 'start',
      verticalAlign: 'top',
    },
    '& th': { color: token('colorNeutralForeground2'), fontWeight: token('fontWeightSemibold'), whiteSpace: 'nowrap', backgroundColor: token('colorNeutralBackground3') },
    '& caption': { textAlign: 'start', padding: '0 0 4px', color: token('colorNeutralForeground2'), fontWeight: token('fontWeightSemibold') },
    // Text columns keep a readable width in a narrow task pane (the table scrolls sideways instead).
    '& td.jx-text, & th.jx-text': { minWidth: '8em' },
    // Figures: right-aligned, digits of equal width (className NUM on the cell).
    '& td.jx-num, & th.jx-num': { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});
