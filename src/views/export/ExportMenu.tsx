/**
 * Save: what is on the screen as files named after the experiment and the step. The graph
 * and the open view as PNG (twice the screen size) and as SVG where drawn in SVG; the loss
 * and accuracy history as CSV; the current trace as JSON in the CLI's trace@1 format.
 */
import { useContext, useRef, useState } from 'react';
import { defineMessages } from '../../i18n/i18n.ts';
import { LabContext, useRun } from '../lab-context.tsx';
import { exportFileName } from './file-name.ts';
import './export.css';

/** Tabs whose view is a picture worth saving. */
const PICTURE_TABS = new Set(['curves', 'heatmaps', 'boundary', 'tiles', 'flow', 'batch']);

const useMessages = defineMessages({
  en: {
    save: 'Save',
    graphPng: 'Graph as PNG',
    graphSvg: 'Graph as SVG',
    viewPng: 'This view as PNG',
    viewSvg: 'This view as SVG',
    history: 'Loss and accuracy history (CSV)',
    trace: 'This step’s trace (JSON)',
    failed: 'Could not save: {reason}',
  },
  zh: {
    save: '保存',
    graphPng: '网络图（PNG）',
    graphSvg: '网络图（SVG）',
    viewPng: '当前视图（PNG）',
    viewSvg: '当前视图（SVG）',
    history: '损失与准确率历史（CSV）',
    trace: '本步的完整记录（JSON）',
    failed: '无法保存：{reason}',
  },
});

// What makes the files loads when a file is first asked for, not with the page.
const pictures = () => import('./picture.ts');

const graphFigure = () => document.querySelector('.lab-graph .network-graph');
const panel = () => document.querySelector('.lab-panel [role="tabpanel"]');
/** The biggest outermost SVG inside an element (the graph's drawing, not its icons). */
function largestSvg(root: Element | null): SVGSVGElement | null {
  const area = (s: SVGSVGElement) => s.getBoundingClientRect().width * s.getBoundingClientRect().height;
  const svgs = root === null ? [] : [...root.querySelectorAll('svg')].filter((s) => s.ownerSVGElement === null);
  return svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** The view's single chart, when it is drawn in SVG alone (no canvas). */
function panelSvg(): SVGSVGElement | null {
  const p = panel();
  if (p === null || p.querySelector('canvas') !== null) return null;
  const charts = [...p.querySelectorAll('svg')].filter((s) => s.ownerSVGElement === null && s.getBoundingClientRect().width > 100);
  return charts.length === 1 ? charts[0]! : null;
}

export function ExportMenu({ tab }: { tab: string }) {
  const t = useMessages();
  const lab = useContext(LabContext);
  const hasTrace = useRun((s) => s.trace !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  // The items depend on what is on the screen, so they are worked out when the menu opens.
  const [open, setOpen] = useState(false);
  if (lab === null) return null;

  const save = (what: string, extension: string, make: () => Blob | Promise<Blob>) => async () => {
    setProblem(null);
    try {
      const { info, step } = lab.run.getState();
      const blob = await make();
      (await pictures()).download(blob, exportFileName(info?.name ?? 'experiment', step, what, extension));
      if (menu.current) menu.current.open = false;
    } catch (e) {
      setProblem(t('failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  const need = <T,>(x: T | null | undefined, what: string): T => {
    if (x === null || x === undefined) throw new Error(`${what} is not on the screen`);
    return x;
  };
  const svgBlob = async (svg: SVGSVGElement) => new Blob([(await pictures()).svgMarkup(svg)], { type: 'image/svg+xml' });
  const png = async (element: Element) => (await pictures()).elementPng(element);
  const graphSvg = () => need(largestSvg(graphFigure()), 'the graph');

  const items: { key: string; label: string; run: () => Promise<void> }[] = [
    { key: 'graph-png', label: t('graphPng'), run: save('graph', 'png', () => png(need(graphFigure(), 'the graph'))) },
    { key: 'graph-svg', label: t('graphSvg'), run: save('graph', 'svg', () => svgBlob(graphSvg())) },
    ...(PICTURE_TABS.has(tab)
      ? [
          { key: 'view-png', label: t('viewPng'), run: save(tab, 'png', () => png(need(panel(), 'the view'))) },
          ...(panelSvg() !== null ? [{ key: 'view-svg', label: t('viewSvg'), run: save(tab, 'svg', () => svgBlob(need(panelSvg(), 'the chart'))) }] : []),
        ]
      : []),
    { key: 'history', label: t('history'), run: save('history', 'csv', async () => new Blob([(await import('./history-csv.ts')).historyCsv(lab.history.getState())], { type: 'text/csv' })) },
  ];
  if (hasTrace) {
    items.push({
      key: 'trace',
      label: t('trace'),
      run: save('trace', 'json', async () => {
        const { trace, snapshot } = lab.run.getState();
        const step = need(trace, 'a trace');
        // The weights after the update, when the latest snapshot holds exactly those.
        const applied = step.layers.some((l) => l.updateW !== undefined);
        const after = applied && snapshot !== null && snapshot.step === step.step + 1 ? snapshot.params : null;
        const { experiment, bugs } = lab.config.getState();
        const { traceToJson } = await import('../../data/trace-file.ts');
        const json = traceToJson(step, experiment.hyper.regularization, after, bugs);
        return new Blob([JSON.stringify(json)], { type: 'application/json' });
      }),
    });
  }

  return (
    <details className="export-menu" ref={menu} onToggle={(e) => setOpen(e.currentTarget.open)} onPointerEnter={() => void pictures().catch(() => {})}>
      <summary>{t('save')}</summary>
      <div className="export-items" role="menu">
        {open && items.map((item) => (
          <button key={item.key} type="button" role="menuitem" data-export={item.key} onClick={() => void item.run()}>
            {item.label}
          </button>
        ))}
        {problem !== null && <p role="alert">{problem}</p>}
      </div>
    </details>
  );
}
