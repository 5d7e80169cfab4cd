/** Names saved files after the experiment and the step: `mnist-two-layer-relu-step-1200-graph.png`. */
export function exportFileName(experiment: string, step: number, what: string, extension: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'experiment';
  return `${clean(experiment)}-step-${step}-${clean(what)}.${extension}`;
}
