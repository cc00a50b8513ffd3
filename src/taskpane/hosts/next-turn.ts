/** A zero-delay timer: the page or pane paints and handles input before the work goes on. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
