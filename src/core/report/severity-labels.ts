import type { Lang, Severity } from '../model/findings';

/** How a severity is named to users, in reports, notes, results sheets and the task pane. */
export const SEVERITY_LABELS: Readonly<Record<Lang, Readonly<Record<Severity, string>>>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};
