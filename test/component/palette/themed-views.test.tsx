/**
 * Every view that draws signed quantities takes its colours from the theme on screen and
 * redraws when the theme changes: the graph's units and weights, the legends, the decision
 * boundary's canvas. The theme is <html data-theme>, or the system's preference without it.
 */
import { act, renderHook, screen } from '@testing-library/react';
import { lab, rgb } from 'd3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { DecisionBoundary } from '../../../src/views/boundary/DecisionBoundary.tsx';
import { NetworkGraph } from '../../../src/views/graph/NetworkGraph.tsx';
import { colourAt } from '../../../src/views/shared/diverging.ts';
import { DARK_SIGNED, LIGHT_SIGNED } from '../../../src/views/shared/signed-palette.ts';
import { useSignedPalette } from '../../../src/views/shared/use-signed-palette.ts';
import { info, installFakes, pixel, snapshot, trace } from '../boundary/fakes.ts';
import { renderInLab } from '../lab-harness.tsx';

const fakes = installFakes();
afterEach(() => document.documentElement.removeAttribute('data-theme'));

/** Sets <html data-theme> as the shell does; the observer reports in a microtask. */
const setTheme = (theme: 'light' | 'dark' | null) =>
  act(async () => (theme === null ? document.documentElement.removeAttribute('data-theme') : document.documentElement.setAttribute('data-theme', theme)));

const lightness = (c: string) => lab(c).l;

describe('the graph', () => {
  /** A 2-2-1 identity net whose unit 1:0 holds the largest activation (+0.8) and 1:1 holds −0.4. */
  function showGraph() {
    const spec: NetworkSpec = { layers: [{ units: 2 }, { units: 2, activation: 'identity' }, { units: 1, activation: 'identity' }], loss: 'mean-squared-error' };
    const a1 = fromRows([[0.8, -0.4]]);
    const a2 = fromRows([[0.4]]);
    const t: Trace = {
      step: 0,
      x: fromRows([[0.1, 0.2]]),
      t: fromRows([[0]]),
      layers: [
        { W: fromRows([[1, 0], [0, -2]]), b: new Float64Array(2), z: a1, a: a1 },
        { W: fromRows([[0.5], [0]]), b: new Float64Array(1), z: a2, a: a2 },
      ],
      phases: [{ kind: 'forward', layer: 1 }, { kind: 'forward', layer: 2 }],
    };
    const h = renderInLab(<NetworkGraph width={600} height={560} />);
    const hyper = findPreset('planar-2-4-1')!.hyper;
    act(() => h.emit({ type: 'ready', info: { name: 'x', network: spec, hyper, batchSize: 1, trainSize: 1, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } }));
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase: { kind: 'forward', layer: 2 }, params: t.layers.map((l) => ({ W: l.W, b: l.b })), trace: t }));
    const fill = (u: string) => h.container.querySelector(`[data-unit="${u}"]`)!.getAttribute('fill')!;
    const stroke = (w: string) => h.container.querySelector(`[data-weight="${w}"]`)!.getAttribute('stroke')!;
    return { fill, stroke };
  }

  it('draws units and weights in the dark palette in the dark theme, and back when it turns light', async () => {
    await setTheme('dark');
    const { fill, stroke } = showGraph();
    expect(fill('1:0')).toBe(colourAt(1, DARK_SIGNED));
    expect(fill('1:1')).toBe(colourAt(-0.5, DARK_SIGNED));
    expect(stroke('1:1:1')).toBe(colourAt(-1, DARK_SIGNED)); // W = −2, the largest |W|
    expect(stroke('1:0:1')).toBe(colourAt(0, DARK_SIGNED)); // W = 0: the surface
    // in the dark, a strong value is lighter than a weak one
    expect(lightness(fill('1:0'))).toBeGreaterThan(lightness(fill('2:0')));

    await setTheme('light');
    expect(fill('1:0')).toBe(colourAt(1, LIGHT_SIGNED));
    expect(stroke('1:0:1')).toBe(colourAt(0, LIGHT_SIGNED));
    expect(lightness(fill('1:0'))).toBeLessThan(lightness(fill('2:0')));
  });

  it('draws its legends in the theme', async () => {
    await setTheme('dark');
    showGraph();
    const stops = () => [...document.querySelectorAll('.shared-legend stop')].map((s) => s.getAttribute('stop-color'));
    expect(stops()).toContain(colourAt(1, DARK_SIGNED));
    expect(stops()).toContain(colourAt(0, DARK_SIGNED));
    expect(stops()).not.toContain(colourAt(1, LIGHT_SIGNED));
    await setTheme('light');
    expect(stops()).toContain(colourAt(1, LIGHT_SIGNED));
    expect(stops()).not.toContain(colourAt(1, DARK_SIGNED));
  });
});

describe('the decision boundary', () => {
  /** p = σ(x₁): strongly negative at the left edge, strongly positive at the right. */
  const spec: NetworkSpec = { layers: [{ units: 2 }, { units: 1, activation: 'identity' }], loss: 'sigmoid-binary-cross-entropy' };
  const points = { x: fromRows([[-4, -1], [4, 1]]), y: Float64Array.of(0, 1), test: Uint8Array.of(0, 0), kind: 'classification' as const };

  it('repaints its canvas and legend in the new palette when the theme changes', async () => {
    await setTheme('dark');
    const h = renderInLab(<DecisionBoundary resolution={16} />);
    act(() => h.emit({ type: 'ready', info: info(spec, points) }));
    act(() => h.emit(snapshot([{ W: fromRows([[1], [0]]), b: Float64Array.of(0) }], trace(points.x, fromRows([[0], [1]])))));
    act(() => fakes.frames.flush());
    const canvas = screen.getByRole('img', { name: 'Network output over the input plane' }) as HTMLCanvasElement;
    const edge = () => {
      const [r, g, b] = pixel(fakes.canvases.painted.get(canvas)!, 16, 8, 0);
      return rgb(r, g, b).formatHex();
    };
    const distance = (c: string, palette: typeof LIGHT_SIGNED) => Math.abs(lightness(c) - lightness(palette.zero));
    // the left edge is far from zero: light on the dark surface, blue
    expect(lightness(edge())).toBeGreaterThan(lightness(DARK_SIGNED.zero) + 20);
    expect(rgb(edge()).b).toBeGreaterThan(rgb(edge()).r);
    const darkEdge = edge();
    expect(distance(darkEdge, DARK_SIGNED)).toBeGreaterThan(20);
    const legendStops = () => [...document.querySelectorAll('.boundary-legend stop')].map((s) => s.getAttribute('stop-color'));
    expect(legendStops()).toContain(colourAt(0, DARK_SIGNED));

    const before = fakes.canvases.puts();
    await setTheme('light');
    act(() => fakes.frames.flush());
    expect(fakes.canvases.puts()).toBe(before + 1);
    expect(lightness(edge())).toBeLessThan(lightness(LIGHT_SIGNED.zero) - 20);
    expect(edge()).not.toBe(darkEdge);
    expect(legendStops()).toContain(colourAt(0, LIGHT_SIGNED));
  });
});

describe('useSignedPalette', () => {
  it('follows data-theme, and the system preference when the lab follows the system', async () => {
    const listeners = new Set<() => void>();
    let dark = true;
    vi.stubGlobal('matchMedia', (query: string) => ({
      get matches() {
        return query === '(prefers-color-scheme: dark)' && dark;
      },
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    }));
    const { result } = renderHook(() => useSignedPalette());
    expect(result.current).toBe(DARK_SIGNED);
    await setTheme('light');
    expect(result.current).toBe(LIGHT_SIGNED);
    await setTheme(null);
    expect(result.current).toBe(DARK_SIGNED);
    dark = false;
    act(() => listeners.forEach((l) => l()));
    expect(result.current).toBe(LIGHT_SIGNED);
  });
});
