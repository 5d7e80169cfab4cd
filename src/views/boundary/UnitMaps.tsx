/**
 * One small map per hidden unit of a two-input network: the unit's activation aˡⱼ over the same
 * input plane as the decision boundary, through the diverging scale (range shared within a
 * layer so its units compare). Clicking a map selects that unit. Nothing for other input sizes.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LayerParams } from '../../core/network.ts';
import type { NetworkSpec } from '../../core/spec.ts';
import { Legend } from '../shared/Legend.tsx';
import { colorRange } from '../shared/diverging.ts';
import { useRun, useUi, useLiveRun } from '../lab-context.tsx';
import { affordableResolution, hiddenActivations, paramsFit, unitColumn } from './decision.ts';
import { useBoundaryMessages } from './messages.ts';
import { planeExtent, type Extent } from './plane.ts';
import { paintPixels, signedPixels } from '../shared/pixels.ts';
import { useFrameWork } from '../shared/use-frame.ts';
import type { SignedPalette } from '../shared/signed-palette.ts';
import { useSignedPalette } from '../shared/use-signed-palette.ts';

export interface UnitMapsProps {
  /** Side of each map in CSS pixels. */
  readonly size?: number;
  /** Cells per side of each map (fewer for wide nets, see decision.ts). */
  readonly resolution?: number;
  /** Maps shown per layer; the rest are counted. */
  readonly maxUnits?: number;
}

interface Frame {
  readonly spec: NetworkSpec | undefined;
  readonly params: readonly LayerParams[] | undefined;
  readonly extent: Extent;
  readonly cells: number;
  readonly palette: SignedPalette;
}

const NO_POINTS = { rows: 0, cols: 2, data: new Float64Array(0) };

export function UnitMaps({ size = 64, resolution = 24, maxUnits = 32 }: UnitMapsProps) {
  const m = useBoundaryMessages();
  const spec = useRun((s) => s.info?.network);
  const pointsX = useRun((s) => s.info?.points?.x);
  const params = useLiveRun((s) => s.snapshot?.params);
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const palette = useSignedPalette();
  const canvases = useRef(new Map<string, HTMLCanvasElement>());
  const [ranges, setRanges] = useState<readonly number[]>([]);

  const planar = spec !== undefined && spec.layers[0]!.units === 2;
  const extent = useMemo(() => planeExtent(pointsX?.cols === 2 ? pointsX : NO_POINTS), [pointsX]);
  const cells = planar ? affordableResolution(spec, resolution) : resolution;
  const frame = useMemo<Frame>(() => ({ spec, params, extent, cells, palette }), [spec, params, extent, cells, palette]);
  const paint = useCallback(
    ({ spec, params, extent, cells, palette }: Frame) => {
      if (spec === undefined || spec.layers[0]!.units !== 2 || !paramsFit(spec, params)) return;
      const layers = hiddenActivations(spec, params, extent, cells);
      const next = layers.map((a) => colorRange(a.data));
      layers.forEach((a, index) => {
        for (let j = 0; j < Math.min(a.cols, maxUnits); j++) {
          const canvas = canvases.current.get(`${index + 1}:${j}`) ?? null;
          paintPixels(canvas, signedPixels(unitColumn(a, j), next[index]!, palette), cells, cells);
        }
      });
      setRanges((old) => (old.length === next.length && old.every((r, i) => r === next[i]) ? old : next));
    },
    [maxUnits],
  );
  useFrameWork(frame, paint); // unconditional, like every hook; paints only when planar

  if (!planar || spec.layers.length < 3) return null;
  const hidden = spec.layers.slice(1, -1);
  return (
    <section className="unit-maps" aria-label={m('unitsTitle')}>
      <h3 style={{ fontSize: '1rem', margin: '4px 0' }}>{m('unitsTitle')}</h3>
      {hidden.map((layer, index) => {
        const l = index + 1;
        const shown = Math.min(layer.units, maxUnits);
        return (
          <div key={l} className="unit-layer" data-layer={l} style={{ marginBottom: 8 }}>
            <div style={{ display: 'flex', gap: 12, alignItems: 'center', fontSize: 12 }}>
              <strong>{m('layer', { l })}</strong>
              <Legend max={ranges[index] ?? 1} label={m('activation')} width={140} />
            </div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
              {Array.from({ length: shown }, (_, j) => {
                const chosen = selection?.kind === 'unit' && selection.layer === l && selection.unit === j;
                return (
                  <button
                    key={j}
                    type="button"
                    aria-label={m('unitButton', { l, j: j + 1 })}
                    aria-pressed={chosen}
                    data-unit={j}
                    onClick={() => select({ kind: 'unit', layer: l, unit: j })}
                    style={{ padding: 2, border: chosen ? '2px solid #f59e0b' : '2px solid transparent', background: 'none', cursor: 'pointer', font: 'inherit' }}
                  >
                    <canvas
                      ref={(el) => {
                        if (el) canvases.current.set(`${l}:${j}`, el);
                        else canvases.current.delete(`${l}:${j}`);
                      }}
                      width={cells}
                      height={cells}
                      style={{ width: size, height: size, display: 'block' }}
                    />
                    <span style={{ fontSize: 10 }}>{m('unit', { j: j + 1 })}</span>
                  </button>
                );
              })}
              {layer.units > shown && <span style={{ alignSelf: 'center', fontSize: 12 }}>{m('more', { n: layer.units - shown })}</span>}
            </div>
          </div>
        );
      })}
    </section>
  );
}
