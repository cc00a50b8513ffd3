/**
 * Which path each kind of the page's background work took — a Web Worker, or the page itself where no worker could
 * run — recorded on window for the e2e tests and the page bench (window.__jiangxuanCheckPath, …PaneCheckPath,
 * …AnnotatePath, …ToolsPath), and said in the console when it is the page, with the reason.
 */
const WORK = {
  check: { key: '__jiangxuanCheckPath', zh: '在页面上直接校验', en: 'Jiangxuan checks on the page itself' },
  paneCheck: { key: '__jiangxuanPaneCheckPath', zh: '在任务窗格的线程上直接校验', en: "Jiangxuan checks on the task pane's own thread" },
  annotate: { key: '__jiangxuanAnnotatePath', zh: '在页面上直接生成标注版', en: 'Jiangxuan makes the annotated copy on the page itself' },
  tools: { key: '__jiangxuanToolsPath', zh: '评分与培育工具在页面上直接运行', en: "Jiangxuan's scoring and cultivation tools run on the page itself" },
} as const;

export function notePath(work: keyof typeof WORK, path: 'worker' | 'page', why?: string): void {
  const w = WORK[work];
  if (why) console.warn(`匠选：${w.zh}（${why}）/ ${w.en} (${why})`);
  (globalThis as Record<string, unknown>)[w.key] = path;
}
