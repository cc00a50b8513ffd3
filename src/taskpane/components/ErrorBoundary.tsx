import * as React from 'react';

interface State {
  error?: Error;
}

/** Last line of defence: a rendering bug shows a message (and how to recover) instead of a blank pane. */
export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: React.ErrorInfo): void {
    console.error('匠选界面出错', error, info.componentStack);
  }

  override render(): React.ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" style={{ padding: 24, fontSize: 14, lineHeight: 1.6 }}>
        <p style={{ fontWeight: 600, margin: '0 0 8px' }}>匠选出错了，请刷新页面（或关闭任务窗格后重新打开）再试。</p>
        <p style={{ margin: '0 0 8px' }}>Jiangxuan hit an error: reload the page (or close and reopen the pane) and try again.</p>
        <pre style={{ whiteSpace: 'pre-wrap', opacity: 0.7, fontSize: 12 }}>{error.message}</pre>
      </div>
    );
  }
}
