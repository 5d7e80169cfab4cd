/** Puts a fragment in the address without a history entry ('' clears it). */
export function writeHash(fragment: string): void {
  history.replaceState(history.state, '', fragment === '' ? `${location.pathname}${location.search}` : `#${fragment}`);
}
