/** The pane's language and colour theme, switched from the header; the document follows both. */
import * as React from 'react';
import type { Lang } from '../../core/model/findings';
import { strings, type Strings } from '../i18n';
import type { ThemeName } from '../mode';

export interface LanguageAndTheme {
  lang: Lang;
  t: Strings;
  theme: ThemeName;
  toggleLang(): void;
  toggleTheme(): void;
}

export function useLanguageAndTheme(initialLang: Lang, initialTheme: ThemeName): LanguageAndTheme {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [theme, setTheme] = React.useState<ThemeName>(initialTheme);

  React.useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '匠选 · 工匠选树助手' : 'Jiangxuan · craftsman awards assistant';
  }, [lang]);
  React.useEffect(() => {
    document.documentElement.style.colorScheme = theme;
    document.body.style.background = theme === 'dark' ? '#1f1f1f' : '#fafafa';
  }, [theme]);

  return {
    lang,
    t: strings(lang),
    theme,
    toggleLang: () => setLang((l) => (l === 'zh' ? 'en' : 'zh')),
    toggleTheme: () => setTheme((th) => (th === 'dark' ? 'light' : 'dark')),
  };
}
