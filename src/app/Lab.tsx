/**
 * The lab screen at 1280×720: the network graph on the left, and on the right a tabbed panel
 * with the curves, the heatmaps, the decision boundary (2-D data) or the first-layer weight
 * tiles (MNIST), the batch, the gradient flow, the chain-rule inspector, the gradient check
 * with the bug lab, the NumPy code and the settings. Nothing scrolls the main view.
 */
import { lazy, Suspense, useState } from 'react';
import { imageShape } from '../data/image.ts';
import { defineMessages, useI18n } from '../i18n/i18n.ts';
import { DecisionBoundary } from '../views/boundary/DecisionBoundary.tsx';
import { UnitMaps } from '../views/boundary/UnitMaps.tsx';
import { BugBanner } from '../views/buglab/BugBanner.tsx';
import { BugLab } from '../views/buglab/BugLab.tsx';
import { GradientFlow } from '../views/flow/GradientFlow.tsx';
import { GradCheckPanel } from '../views/gradcheck/GradCheckPanel.tsx';
import { LanguageSwitch } from '../views/controls/LanguageSwitch.tsx';
import { LearningRate } from '../views/controls/LearningRate.tsx';
import { PresetPicker } from '../views/controls/PresetPicker.tsx';
import { Provenance } from '../views/provenance/Provenance.tsx';
import { Settings } from '../views/controls/Settings.tsx';
import { ThemeSwitch } from '../views/controls/ThemeSwitch.tsx';
import { Transport } from '../views/controls/Transport.tsx';
import { Curves } from '../views/curves/Curves.tsx';
import { NetworkGraph } from '../views/graph/NetworkGraph.tsx';
import { LayerHeatmaps } from '../views/heatmaps/LayerHeatmaps.tsx';
import { Lessons } from '../views/lessons/Lessons.tsx';
import { WeightTiles } from '../views/heatmaps/WeightTiles.tsx';
import { useRun } from '../views/lab-context.tsx';
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
  },
});

export function Lab() {
  const { t: tApp } = useI18n();
  const t = useMessages();
  const inputs = useRun((s) => s.info?.network.layers[0]?.units ?? 0);
  /** The image the inputs form (MNIST: 28 × 28), which gets the weight tiles and digit samples. */
  const image = imageShape(inputs);
  const [tab, setTab] = useState('curves');
  const [graphRef, graphSize] = useSize<HTMLDivElement>({ width: 620, height: 460 });
  const [panelRef, panelSize] = useSize<HTMLDivElement>({ width: 600, height: 460 });
  /** Room below the tab list (two rows of tabs at this width). */
  const below = Math.max(200, panelSize.height - 72);

  const tabs: Tab[] = [
    { key: 'curves', label: t('curves'), render: () => <Curves width={panelSize.width} height={below} /> },
    { key: 'heatmaps', label: t('heatmaps'), render: () => <LayerHeatmaps /> },
    ...(inputs === 2
      ? [
          {
            key: 'boundary',
            label: t('boundary'),
            render: () => (
              <div className="boundary-panel">
                <DecisionBoundary size={Math.min(340, below - 90)} />
                <UnitMaps size={56} />
              </div>
            ),
          },
        ]
      : []),
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
  ];

  return (
    <div className="lab">
      <header className="lab-header">
        <h1>{tApp('app.title')}</h1>
        <PresetPicker />
        <Provenance />
        <span className="spacer" />
        <Lessons />
        <ThemeSwitch />
        <LanguageSwitch />
      </header>
      <div className="lab-toolbar">
        <Transport />
        <LearningRate />
      </div>
      <RunStatus />
      <BugBanner />
      <main className="lab-main">
        <div className="lab-graph" ref={graphRef}>
          <NetworkGraph width={graphSize.width} height={Math.max(320, graphSize.height)} />
        </div>
        <div className="lab-panel" ref={panelRef}>
          <Tabs tabs={tabs} active={tab} onChange={setTab} label={t('views')} />
        </div>
      </main>
    </div>
  );
}
