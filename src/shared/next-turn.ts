/** Lets the event loop serve other requests before a long piece of work goes on (exports, big PDFs). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
