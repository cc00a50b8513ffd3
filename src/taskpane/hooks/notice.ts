/** A one-line outcome shown under an action (written into Excel, downloaded instead, failed). */
export interface Notice {
  intent: 'success' | 'warning' | 'error';
  text: string;
  testId?: string;
}
