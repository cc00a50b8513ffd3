/**
 * The page's header: the 匠 mark and name, on the standalone page the open and download buttons, and the
 * language and theme switches.
 */
import * as React from 'react';
import { Button, makeStyles, mergeClasses, Spinner, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowDownload20Regular, FolderOpen20Regular, LocalLanguage20Regular, WeatherMoon20Regular, WeatherSunny20Regular } from '../icons';
import type { Strings } from '../../i18n';
import type { ThemeName } from '../../mode';
import { WORKBOOK_ACCEPT } from '../../file-name';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: '8px 12px',
    padding: '8px 14px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    zIndex: 2,
  },
  brand: { display: 'flex', alignItems: 'center', gap: '8px', marginRight: 'auto', minWidth: 0 },
  logo: {
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontWeight: tokens.fontWeightBold,
    fontSize: '16px',
    flexShrink: 0,
  },
  appName: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  tagline: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  // A 350 px task pane: one row (mark, name, open, download, language, theme) so the findings start high.
  headerNarrow: { flexWrap: 'nowrap', gap: '6px', padding: '6px 8px 6px 10px' },
  actionsNarrow: { flexWrap: 'nowrap', gap: '2px' },
  hiddenInput: { display: 'none' },
});

export interface AppHeaderProps {
  /** In Excel there is no file to open or download. */
  office: boolean;
  onFiles(files: FileList | null): void;
  /** A task-pane-wide window: short labels, one row. */
  narrow: boolean;
  /** The annotated-copy download (shown in the 校验 section only). */
  download?: { busy: boolean; disabled: boolean; start(): void };
  theme: ThemeName;
  onToggleLang(): void;
  onToggleTheme(): void;
  t: Strings;
}

export function AppHeader({ office, narrow, onFiles, download, theme, onToggleLang, onToggleTheme, t }: AppHeaderProps) {
  const s = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  return (
    <header className={mergeClasses(s.header, narrow && s.headerNarrow)}>
      <div className={s.brand}>
        <div className={s.logo} aria-hidden>
          匠
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <span className={s.appName}>{t.appName}</span>
          {!narrow && <span className={s.tagline}>{t.appTagline}</span>}
        </div>
      </div>
      {!office && (
        <div className={mergeClasses(s.actions, narrow && s.actionsNarrow)}>
          <input
            ref={fileInput}
            className={s.hiddenInput}
            type="file"
            accept={WORKBOOK_ACCEPT}
            multiple
            data-testid="file-input"
            aria-label={t.openWorkbook}
            onChange={(e) => {
              onFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <Tooltip content={t.openWorkbookHint} relationship="description">
            <Button
              appearance="primary"
              size={narrow ? 'small' : 'medium'}
              icon={<FolderOpen20Regular />}
              onClick={() => fileInput.current?.click()}
              aria-label={narrow ? t.openWorkbook : undefined}
              data-testid="open-workbook"
            >
              {narrow ? t.openShort : t.openWorkbook}
            </Button>
          </Tooltip>
          {download && (
            <Tooltip content={narrow ? `${t.downloadAnnotated}${t.colon}${t.downloadAnnotatedHint}` : t.downloadAnnotatedHint} relationship="description">
              <Button
                size={narrow ? 'small' : 'medium'}
                icon={download.busy ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
                disabled={download.disabled}
                onClick={download.start}
                aria-label={narrow ? t.downloadAnnotated : undefined}
                data-testid="download-annotated"
              >
                {narrow ? undefined : download.busy ? t.preparingDownload : t.downloadAnnotated}
              </Button>
            </Tooltip>
          )}
        </div>
      )}
      <div className={mergeClasses(s.actions, narrow && s.actionsNarrow)}>
        <Button
          appearance="subtle"
          size="small"
          icon={<LocalLanguage20Regular />}
          onClick={onToggleLang}
          aria-label={t.langToggleLabel}
          title={t.langToggleLabel}
          data-testid="lang-toggle"
        >
          {t.langToggle}
        </Button>
        <Button
          appearance="subtle"
          size="small"
          icon={theme === 'dark' ? <WeatherSunny20Regular /> : <WeatherMoon20Regular />}
          onClick={onToggleTheme}
          aria-label={t.themeToggleLabel}
          title={t.themeToggleLabel}
          data-testid="theme-toggle"
        />
      </div>
    </header>
  );
}
