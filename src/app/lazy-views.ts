/**
 * The views the first screen does not show, each loaded when first wanted (see lazy-view.tsx):
 * the tabs other than the decision boundary, the bug banner, the keyboard sheet, the save
 * menu's items and the lessons' panel. Together they are about a third of the app's code.
 */
import { preloadLessons } from '../views/lessons/Lessons.tsx';
import { lazyView } from '../views/shared/lazy-view.tsx';

export const curves = lazyView(() => import('../views/curves/Curves.tsx').then((m) => m.Curves));
export const heatmaps = lazyView(() => import('../views/heatmaps/LayerHeatmaps.tsx').then((m) => m.LayerHeatmaps));
export const weightTiles = lazyView(() => import('../views/heatmaps/WeightTiles.tsx').then((m) => m.WeightTiles));
export const batch = lazyView(() => import('../views/samples/BatchSamples.tsx').then((m) => m.BatchSamples));
export const flow = lazyView(() => import('../views/flow/GradientFlow.tsx').then((m) => m.GradientFlow));
export const inspector = lazyView(() => import('../views/inspector/Inspector.tsx').then((m) => m.Inspector));
export const checks = lazyView(() => import('../views/gradcheck/ChecksView.tsx').then((m) => m.ChecksView));
export const code = lazyView(() => import('../views/code/CodePanel.tsx').then((m) => m.CodePanel));
export const settings = lazyView(() => import('../views/controls/Settings.tsx').then((m) => m.Settings));
export const bugBanner = lazyView(() => import('../views/buglab/BugBanner.tsx').then((m) => m.BugBanner));
export const shortcutSheet = lazyView(() => import('../views/controls/ShortcutSheet.tsx').then((m) => m.ShortcutSheet));

/**
 * Loads the light views above, for idle time after the first screen: a later click never waits.
 * The inspector (with KaTeX, about 80 kB gzipped) and the code panel load on intent only.
 */
export const preloadAll = () => Promise.all([curves, heatmaps, weightTiles, batch, flow, checks, settings, bugBanner, shortcutSheet].map((v) => v.preload()).concat(preloadLessons()));
