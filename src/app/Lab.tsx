/**
 * The lab screen, designed at 1280×720: the toolbar (experiment, Play/Pause, Step, Reset,
 * learning rate, speed), the run's counters, the network graph on the left, and on the right a
 * tabbed panel with the decision boundary (2-D data, open first) or the first-layer weight
 * tiles (MNIST), the curves, the heatmaps, the batch, the gradient flow, the chain-rule
 * inspector, the gradient check with the bug lab, the NumPy code and the settings. Nothing
 * scrolls the main view; on a phone the two columns become one and the page scrolls.
 * Presenter mode hides the secondary controls and views (see app.css, [data-presenter]).
 */
import { useEffect } from 'react';
import { imageShape } from '../data/image.ts';
import { defineMessages, useI18n } from '../i18n/i18n.ts';
import { DecisionBoundary } from '../views/boundary/DecisionBoundary.tsx';
import { UnitMaps } from '../views/boundary/UnitMaps.tsx';
import { ConventionSwitch } from '../views/controls/ConventionSwitch.tsx';
import { LanguageSwitch } from '../views/controls/LanguageSwitch.tsx';
import { LearningRate } from '../views/controls/LearningRate.tsx';
import { PresetPicker } from '../views/controls/PresetPicker.tsx';
import { Provenance } from '../views/provenance/Provenance.tsx';
import { ScreenSwitches } from '../views/controls/ScreenSwitches.tsx';
import { SpeedControl } from '../views/controls/SpeedControl.tsx';
import { ThemeSwitch } from '../views/controls/ThemeSwitch.tsx';
import { Transport } from '../views/controls/Transport.tsx';
import { ExportMenu } from '../views/export/ExportMenu.tsx';
import { NetworkGraph } from '../views/graph/NetworkGraph.tsx';
import { Lessons } from '../views/lessons/Lessons.tsx';
import { useConfig, useRun, useUi } from '../views/lab-context.tsx';
import { whenIdle } from '../views/shared/lazy-view.tsx';
import { Tabs, type Tab } from '../views/shared/Tabs.tsx';
import { useSize } from '../views/shared/use-size.ts';
import { RunStatus } from '../views/status/RunStatus.tsx';
import * as views from './lazy-views.ts';

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
  const shortcutsOpen = useUi((s) => s.shortcutsOpen);
  const bugsOn = useConfig((s) => s.bugs.length > 0);
  // Once the first screen is up, the other views load in idle time: a later click never waits.
  useEffect(() => whenIdle(views.preloadAll), []);
  const [graphRef, graphSize] = useSize<HTMLDivElement>({ width: 620, height: 460 });
  const [panelRef, panelSize] = useSize<HTMLDivElement>({ width: 600, height: 460 });
  const [tabPanelRef, tabPanelSize] = useSize<HTMLDivElement>({ width: 600, height: 412 });
  /** Room below the tab list, measured: the list takes two rows where its names do not fit in one (1280×720 in English). */
  const below = Math.max(200, tabPanelSize.height);
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
  // Every view but the boundary loads when first wanted; until then a blank of its size holds
  // its place, so nothing moves.
  const blank = <div className="view-loading" style={{ height: below }} aria-busy="true" />;
  const tabs: Tab[] = [
    ...(inputs === 2 ? [boundaryTab] : []),
    { key: 'curves', label: t('curves'), preload: views.curves.preload, render: () => <views.curves.View width={panelSize.width} height={below} fallback={blank} /> },
    { key: 'heatmaps', label: t('heatmaps'), preload: views.heatmaps.preload, render: () => <views.heatmaps.View fallback={blank} /> },
    ...(image !== null ? [{ key: 'tiles', label: t('tiles', { rows: image.rows, cols: image.cols }), preload: views.weightTiles.preload, render: () => <views.weightTiles.View fallback={blank} /> }] : []),
    { key: 'batch', label: image !== null ? t('digits') : t('batch'), preload: views.batch.preload, render: () => <views.batch.View fallback={blank} /> },
    { key: 'flow', label: t('flow'), preload: views.flow.preload, render: () => <views.flow.View width={panelSize.width} height={below} fallback={blank} /> },
    { key: 'inspector', label: t('inspector'), preload: views.inspector.preload, render: () => <views.inspector.View fallback={blank} /> },
    // Secondary views, hidden in presenter mode.
    ...(presenter
      ? []
      : [
          { key: 'check', label: t('check'), preload: views.checks.preload, render: () => <views.checks.View fallback={blank} /> },
          { key: 'code', label: t('code'), preload: views.code.preload, render: () => <views.code.View height={Math.max(160, below - 90)} fallback={blank} /> },
          { key: 'settings', label: t('settings'), preload: views.settings.preload, render: () => <views.settings.View fallback={blank} /> },
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
      {bugsOn && <views.bugBanner.View />}
      <main className="lab-main">
        <div className={loadingNext ? 'lab-graph stale' : 'lab-graph'} ref={graphRef}>
          {loadingNext && <p className="stale-label">{t('previous')}</p>}
          <div inert={loadingNext} className="stale-content">
            <NetworkGraph width={graphSize.width} height={Math.max(320, graphSize.height)} />
          </div>
        </div>
        <div className="lab-panel" ref={panelRef}>
          <Tabs tabs={tabs} active={tab} onChange={setTab} label={t('views')} panelRef={tabPanelRef} />
        </div>
      </main>
      {shortcutsOpen && <views.shortcutSheet.View />}
    </div>
  );
}
