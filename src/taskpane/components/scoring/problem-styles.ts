/** Styles of the scoring problem lists (one list, or one folding group per file). */
import { makeStyles } from '@fluentui/react-components';
import { token } from '../css-vars';

export const useProblemStyles = makeStyles({
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
