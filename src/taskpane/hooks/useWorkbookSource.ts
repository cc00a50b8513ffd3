/** The open workbook as scoring reads it (its bytes, or in Excel its grid): read when needed and on request. */
import * as React from 'react';
import { asHostError, type HostError, type WorkbookHost, type WorkbookSource } from '../hosts/workbook-host';

export interface WorkbookSourceState {
  source?: WorkbookSource;
  error?: HostError;
  reading: boolean;
  /** Reads the workbook again (in Excel: as it is now, edits included). */
  reload(): void;
}

export function useWorkbookSource(host: WorkbookHost | undefined): WorkbookSourceState {
  const [state, setState] = React.useState<{ source?: WorkbookSource; error?: HostError; reading: boolean }>({ reading: false });
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    if (!host) {
      setState({ reading: false });
      return;
    }
    let active = true;
    setState({ reading: true });
    host
      .source()
      .then((source) => active && setState({ source, reading: false }))
      .catch((e: unknown) => active && setState({ error: asHostError(e), reading: false }));
    return () => {
      active = false;
    };
  }, [host, version]);
  return { ...state, reload: () => setVersion((v) => v + 1) };
}
