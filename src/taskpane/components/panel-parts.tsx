/** Small pieces the scoring and cultivation tabs share: cards, a file-pick button, a problem list. */
import * as React from 'react';
import { Badge, Button, Caption1, makeStyles, mergeClasses, Text } from '@fluentui/react-components';
import type { ButtonProps } from '@fluentui/react-components';
import type { Strings } from '../i18n';
import type { Lang } from '../../core/model/findings';
import type { ProblemGroup, ProblemView } from '../scoring-view';
import { FILE_STATUS_LABEL } from '../scoring-view';
import { SeverityIcon } from './SeverityIcon';
import { token } from './css-vars';

/** Class of a table cell holding a figure (see usePanelStyles().table). */
export const NUM = 'jx-num';
/** Class of a table cell holding names or units: not squeezed below a readable width. */
export const TEXT = 'jx-text';

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
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

const useListStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '6px',
    padding: '6px 8px',
    borderRadius: token('borderRadiusMedium'),
    backgroundColor: token('colorNeutralBackground2'),
    border: `1px solid ${token('colorNeutralStroke3')}`,
    fontSize: token('fontSizeBase200'),
    lineHeight: token('lineHeightBase200'),
  },
  icon: { paddingTop: '1px' },
  file: { fontWeight: token('fontWeightSemibold'), wordBreak: 'break-all', marginRight: '6px' },
  message: { wordBreak: 'break-word' },
  groups: { display: 'flex', flexDirection: 'column', gap: '6px' },
  group: { border: `1px solid ${token('colorNeutralStroke2')}`, borderRadius: token('borderRadiusMedium'), overflow: 'hidden' },
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    flexWrap: 'wrap',
    padding: '6px 8px',
    cursor: 'pointer',
    backgroundColor: token('colorNeutralBackground3'),
    fontSize: token('fontSizeBase200'),
    ':focus-visible': { outline: `2px solid ${token('colorStrokeFocus2')}`, outlineOffset: '-2px' },
  },
  groupFile: { fontWeight: token('fontWeightSemibold'), wordBreak: 'break-all', flexGrow: 1, minWidth: '120px' },
  groupBody: { padding: '6px' },
});

/** A button that opens the file chooser of a hidden <input type="file"> (the input carries the test id). */
export function FilePickButton({
  label,
  testId,
  multiple,
  onFiles,
  icon,
  appearance,
  size,
  disabled,
}: {
  label: string;
  testId: string;
  multiple?: boolean;
  onFiles(files: File[]): void;
  icon?: ButtonProps['icon'];
  appearance?: ButtonProps['appearance'];
  size?: ButtonProps['size'];
  disabled?: boolean;
}) {
  const s = usePanelStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        className={s.hiddenInput}
        type="file"
        accept={XLSX_ACCEPT}
        multiple={multiple}
        data-testid={testId}
        aria-label={label}
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <Button icon={icon} appearance={appearance} size={size} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}

const SHOWN = 100;

/** Problems of a generation or a consolidation: severity, file, message (errors first). */
export function ProblemList({
  problems,
  t,
  empty,
  testId = 'scoring-problems',
  showFile = true,
}: {
  problems: ProblemView[];
  t: Strings;
  empty?: string;
  testId?: string;
  showFile?: boolean;
}) {
  const s = useListStyles();
  const p = usePanelStyles();
  const [all, setAll] = React.useState(false);
  if (!problems.length) return empty ? <Caption1 className={p.muted}>{empty}</Caption1> : null;
  const shown = all ? problems : problems.slice(0, SHOWN);
  return (
    <>
      <ul className={s.list} data-testid={testId} aria-label={t.scProblems}>
        {shown.map((x, i) => (
          <li key={i} className={s.item} data-testid="scoring-problem" data-severity={x.severity} data-code={x.code}>
            <span className={s.icon}>
              <SeverityIcon severity={x.severity} label={t.scSeverity[x.severity]} />
            </span>
            <span className={s.message}>
              {showFile && x.file && <span className={s.file}>{x.file}</span>}
              {x.message}
            </span>
          </li>
        ))}
      </ul>
      {!all && problems.length > SHOWN && (
        <Button size="small" appearance="subtle" onClick={() => setAll(true)}>
          {t.showMore(problems.length - SHOWN)}
        </Button>
      )}
    </>
  );
}

export function Card({ title, children, className, testId }: { title?: string; children: React.ReactNode; className?: string; testId?: string }) {
  const s = usePanelStyles();
  const id = React.useId();
  return (
    <section className={mergeClasses(s.card, className)} aria-labelledby={title ? id : undefined} data-testid={testId}>
      {title && (
        <h3 id={id} className={s.heading}>
          {title}
        </h3>
      )}
      {children}
    </section>
  );
}

export function Muted({ children, testId }: { children: React.ReactNode; testId?: string }) {
  const s = usePanelStyles();
  return (
    <Text className={s.small} data-testid={testId}>
      {children}
    </Text>
  );
}

/**
 * Problems of a consolidation per file: the file, what happened to it (有效 / 退回 …) and its problems, errors
 * first. Files with errors, or with few problems, are open; a long list of warnings is folded (native
 * <details>: keyboard and screen readers work as they do everywhere).
 */
export function ProblemGroups({ groups, t, lang, empty }: { groups: ProblemGroup[]; t: Strings; lang: Lang; empty: string }) {
  const s = useListStyles();
  const p = usePanelStyles();
  if (!groups.length) return <Caption1 className={p.muted}>{empty}</Caption1>;
  const zh = lang === 'zh';
  return (
    <div className={s.groups} data-testid="scoring-problems">
      {groups.map((g, i) => (
        <details key={g.file ?? `round-${i}`} className={s.group} open={g.errors > 0 || g.problems.length <= 3} data-testid="problem-group" data-file={g.file ?? ''}>
          <summary className={s.summary}>
            <span className={s.groupFile}>{g.file ?? (zh ? '本轮整体' : 'The round as a whole')}</span>
            {g.status && (
              <Badge appearance="tint" size="small" color={g.status === 'rejected' ? 'danger' : g.status === 'accepted' || g.status === 'key' ? 'success' : 'informative'}>
                {FILE_STATUS_LABEL[g.status][lang]}
              </Badge>
            )}
            {g.errors > 0 && (
              <Badge appearance="filled" size="small" color="danger">
                {zh ? `${g.errors} 个错误` : `${g.errors} error${g.errors > 1 ? 's' : ''}`}
              </Badge>
            )}
            {g.warnings > 0 && (
              <Badge appearance="filled" size="small" color="warning">
                {zh ? `${g.warnings} 个警告` : `${g.warnings} warning${g.warnings > 1 ? 's' : ''}`}
              </Badge>
            )}
          </summary>
          <div className={s.groupBody}>
            <ProblemList problems={g.problems} t={t} testId="problem-group-list" showFile={false} />
          </div>
        </details>
      ))}
    </div>
  );
}
