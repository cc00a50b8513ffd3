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
  fileActions: {
    // Narrow windows (a task-pane-wide browser): the file buttons get a row of their own under the title.
    '@media (max-width: 640px)': { order: 3, width: '100%', '& > *': { flexGrow: 1 } },
  },
  hiddenInput: { display: 'none' },
});

export interface AppHeaderProps {
  /** In Excel there is no file to open or download. */
  office: boolean;
  onFiles(files: FileList | null): void;
  /** The annotated-copy download (shown in the 校验 section only). */
  download?: { busy: boolean; disabled: boolean; start(): void };
  theme: ThemeName;
  onToggleLang(): void;
  onToggleTheme(): void;
  t: Strings;
}

export function AppHeader({ office, onFiles, download, theme, onToggleLang, onToggleTheme, t }: AppHeaderProps) {
  const s = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  return (
    <header className={s.header}>
      <div className={s.brand}>
        <div className={s.logo} aria-hidden>
          匠
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <span className={s.appName}>{t.appName}</span>
          <span className={s.tagline}>{t.appTagline}</span>
        </div>
      </div>
      {!office && (
        <div className={mergeClasses(s.actions, s.fileActions)}>
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
            <Button appearance="primary" icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()} data-testid="open-workbook">
              {t.openWorkbook}
            </Button>
          </Tooltip>
          {download && (
            <Tooltip content={t.downloadAnnotatedHint} relationship="description">
              <Button
                icon={download.busy ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
                disabled={download.disabled}
                onClick={download.start}
                data-testid="download-annotated"
              >
                {download.busy ? t.preparingDownload : t.downloadAnnotated}
              </Button>
            </Tooltip>
          )}
        </div>
      )}
      <div className={s.actions}>
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
