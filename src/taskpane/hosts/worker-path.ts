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

/**
 * A worker that has said it is ready (its first message, `{type: 'ready'}`, which comes with it), or undefined where
 * none could start: no Worker in the host, one refused (a page opened from file://, a policy), its script failing
 * before it answered. Either way the path is recorded; the caller runs the work on its own thread when undefined.
 * `make` builds the worker where webpack can see it (`new Worker(new URL(…, import.meta.url))` at the call site).
 */
export function readyWorker<Ready extends { type: 'ready' }>(work: keyof typeof WORK, make: () => Worker): Promise<{ worker: Worker; ready: Ready } | undefined> {
  if (typeof Worker === 'undefined') {
    notePath(work, 'page', 'no Web Worker in this host');
    return Promise.resolve(undefined);
  }
  let w: Worker;
  try {
    w = make();
  } catch (e) {
    notePath(work, 'page', `Worker: ${e instanceof Error ? e.message : String(e)}`);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    w.onmessage = (e: MessageEvent<{ type: string }>) => {
      if (e.data?.type !== 'ready') return;
      w.onmessage = null;
      w.onerror = null;
      notePath(work, 'worker');
      resolve({ worker: w, ready: e.data as Ready });
    };
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      notePath(work, 'page', `worker script: ${e.message || 'failed to load'}`);
      resolve(undefined);
    };
  });
}
