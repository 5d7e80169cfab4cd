/**
 * The lab screen, designed at 1280×720: the toolbar (experiment, Play/Pause, Step, Reset,
 * learning rate, speed), the run's counters, the network graph on the left, and on the right a
 * tabbed panel with the decision boundary (2-D data, open first) or the first-layer weight
 * tiles (MNIST), the curves, the heatmaps, the batch, the gradient flow, the chain-rule
 * inspector, the gradient check with the bug lab, the NumPy code and the settings. Nothing
 * scrolls the main view; on a phone the two columns become one and the page scrolls.
 * Presenter mode hides the secondary controls and views (see app.css, [data-presenter]).
 */
import { lazy, Suspense } from 'react';
import { imageShape } from '../data/image.ts';
import { defineMessages, useI18n } from '../i18n/i18n.ts';
import { DecisionBoundary } from '../views/boundary/DecisionBoundary.tsx';
import { UnitMaps } from '../views/boundary/UnitMaps.tsx';
import { BugBanner } from '../views/buglab/BugBanner.tsx';
import { BugLab } from '../views/buglab/BugLab.tsx';
import { GradientFlow } from '../views/flow/GradientFlow.tsx';
import { GradCheckPanel } from '../views/gradcheck/GradCheckPanel.tsx';
import { ConventionSwitch } from '../views/controls/ConventionSwitch.tsx';
import { LanguageSwitch } from '../views/controls/LanguageSwitch.tsx';
import { LearningRate } from '../views/controls/LearningRate.tsx';
import { PresetPicker } from '../views/controls/PresetPicker.tsx';
import { Provenance } from '../views/provenance/Provenance.tsx';
import { ScreenSwitches } from '../views/controls/ScreenSwitches.tsx';
import { Settings } from '../views/controls/Settings.tsx';
import { ShortcutSheet } from '../views/controls/ShortcutSheet.tsx';
import { SpeedControl } from '../views/controls/SpeedControl.tsx';
import { ThemeSwitch } from '../views/controls/ThemeSwitch.tsx';
import { Transport } from '../views/controls/Transport.tsx';
import { Curves } from '../views/curves/Curves.tsx';
import { ExportMenu } from '../views/export/ExportMenu.tsx';
import { NetworkGraph } from '../views/graph/NetworkGraph.tsx';
import { LayerHeatmaps } from '../views/heatmaps/LayerHeatmaps.tsx';
import { Lessons } from '../views/lessons/Lessons.tsx';
import { WeightTiles } from '../views/heatmaps/WeightTiles.tsx';
import { useRun, useUi } from '../views/lab-context.tsx';
import { BatchSamples } from '../views/samples/BatchSamples.tsx';
import { Tabs, type Tab } from '../views/shared/Tabs.tsx';
import { useSize } from '../views/shared/use-size.ts';
import { RunStatus } from '../views/status/RunStatus.tsx';

// The inspector (with KaTeX) and the code panel load when first opened, keeping the first
// page load small.
const Inspector = lazy(() => import('../views/inspector/Inspector.tsx').then((m) => ({ default: m.Inspector })));
const CodePanel = lazy(() => import('../views/code/CodePanel.tsx').then((m) => ({ default: m.CodePanel })));

const useMessages = defineMessages({
  en: {
    views: 'Views',
    curves: 'Curves',
    flow: 'Gradient flow',
    heatmaps: 'Heatmaps',
    boundary: 'Boundary',
    digits: 'Digits',
    tiles: 'Weights {rows}×{cols}',
    batch: 'Batch',
    inspector: 'Inspector',
    check: 'Check & bugs',
    code: 'Code',
    settings: 'Settings',
    previous: 'Previous experiment — the new one is loading',
  },
  zh: {
    views: '视图',
    curves: '曲线',
    flow: '梯度流',
    heatmaps: '热力图',
    boundary: '决策边界',
    digits: '本批数字',
    tiles: '第一层权重 {rows}×{cols}',
    batch: '本批样本',
    inspector: '链式法则',
    check: '梯度检验与常见错误',
    code: '代码',
    settings: '设置',
    previous: '上一个实验——新实验正在加载',
  },
});

export function Lab() {
  const { t: tApp } = useI18n();
  const t = useMessages();
  const inputs = useRun((s) => s.info?.network.layers[0]?.units ?? 0);
  /** The image the inputs form (MNIST: 28 × 28), which gets the weight tiles and digit samples. */
  const image = imageShape(inputs);
  const loadingNext = useRun((s) => s.status === 'loading' && s.info !== null);
  const presenter = useUi((s) => s.presenter);
  const chosenTab = useUi((s) => s.tab);
  const setTab = useUi((s) => s.setTab);
  const [graphRef, graphSize] = useSize<HTMLDivElement>({ width: 620, height: 460 });
  const [panelRef, panelSize] = useSize<HTMLDivElement>({ width: 600, height: 460 });
  /** Room below the tab list. */
  const below = Math.max(200, panelSize.height - 48);
  /** The data view: the boundary for 2-D data, the digits of the batch for MNIST. */
  const dataTab = inputs === 2 ? 'boundary' : image !== null ? 'batch' : null;
  const tab = chosenTab ?? (inputs === 2 ? 'boundary' : 'curves');

  const boundaryTab: Tab = {
    key: 'boundary',
    label: t('boundary'),
    render: () => (
      <div className="boundary-panel">
        <DecisionBoundary size={Math.max(160, Math.min(panelSize.width - 60, below - 130, 520))} />
        <UnitMaps size={presenter ? 48 : 56} />
      </div>
    ),
  };
  const tabs: Tab[] = [
    ...(inputs === 2 ? [boundaryTab] : []),
    { key: 'curves', label: t('curves'), render: () => <Curves width={panelSize.width} height={below} /> },
    { key: 'heatmaps', label: t('heatmaps'), render: () => <LayerHeatmaps /> },
    ...(image !== null ? [{ key: 'tiles', label: t('tiles', { rows: image.rows, cols: image.cols }), render: () => <WeightTiles /> }] : []),
    { key: 'batch', label: image !== null ? t('digits') : t('batch'), render: () => <BatchSamples /> },
    { key: 'flow', label: t('flow'), render: () => <GradientFlow width={panelSize.width} height={below} /> },
    {
      key: 'inspector',
      label: t('inspector'),
      render: () => (
        <Suspense fallback={<p className="muted">…</p>}>
          <Inspector />
        </Suspense>
      ),
    },
    // Secondary views, hidden in presenter mode.
    ...(presenter
      ? []
      : [
          {
            key: 'check',
            label: t('check'),
            render: () => (
              <>
                <GradCheckPanel />
                <BugLab />
              </>
            ),
          },
          {
            key: 'code',
            label: t('code'),
            render: () => (
              <Suspense fallback={<p className="muted">…</p>}>
                <CodePanel height={Math.max(160, below - 90)} />
              </Suspense>
            ),
          },
          { key: 'settings', label: t('settings'), render: () => <Settings /> },
        ]),
  ];

  return (
    <div className="lab">
      <header className="lab-header">
        <h1>{tApp('app.title')}</h1>
        <PresetPicker />
        <Provenance />
        <span className="spacer" />
        <Lessons />
        <ScreenSwitches dataTab={dataTab} />
        <span className="secondary">
          <ExportMenu tab={tab} />
          <ConventionSwitch />
          <ThemeSwitch />
          <LanguageSwitch />
        </span>
      </header>
      <div className="lab-toolbar">
        <Transport />
        <LearningRate />
        <SpeedControl />
      </div>
      <RunStatus />
      <BugBanner />
      <main className="lab-main">
        <div className={loadingNext ? 'lab-graph stale' : 'lab-graph'} ref={graphRef}>
          {loadingNext && <p className="stale-label">{t('previous')}</p>}
          <div inert={loadingNext} className="stale-content">
            <NetworkGraph width={graphSize.width} height={Math.max(320, graphSize.height)} />
          </div>
        </div>
        <div className="lab-panel" ref={panelRef}>
          <Tabs tabs={tabs} active={tab} onChange={setTab} label={t('views')} />
        </div>
      </main>
      <ShortcutSheet />
    </div>
  );
}
