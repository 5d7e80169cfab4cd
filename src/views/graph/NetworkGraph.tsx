/**
 * The network graph: units as circles, weights as lines, in SVG (React owns the elements; d3
 * supplies the colours). Everything it shows comes from the snapshot's trace, cut at the phase
 * shown (the latest, or an earlier one of the same step after ←): the units carry a (forward)
 * or δ (from the backward phases on) for the chosen sample or the batch mean, with the numbers
 * beside them; the lines carry W, then ∂L/∂W, then the applied ΔW; the loss node carries the
 * loss. Colours use one scale per quantity shared by all layers (or one per layer, on request).
 * Above the graph, in boxes of fixed height, the phase's formula and its narrated sentence; the
 * phase's motion is drawn over the lines and under the units and numbers.
 */
import { useEffect, useMemo, useState } from 'react';
import { loss as lossOf } from '../../core/losses.ts';
import type { Matrix } from '../../core/tensor.ts';
import type { Trace } from '../../core/trace.ts';
import { useConfig, useFocusSample, useLiveRun, useRun, useUi } from '../lab-context.tsx';
import { Narration } from '../narration/Narration.tsx';
import { narrate } from '../narration/sentence.ts';
import { formatEngineering } from '../shared/diverging.ts';
import { SharedLegend, zeroThreshold, type MarksKey } from '../shared/Legend.tsx';
import { readableIndices } from '../shared/indices.tsx';
import { faintLayers } from './faint-layers.ts';
import { useSize } from '../shared/use-size.ts';
import { Edges } from './Edges.tsx';
import { sup } from '../shared/notation.ts';
import { indexText, type Convention } from '../shared/convention.ts';
import { phaseFormula, phaseLayer } from './formulas.ts';
import { GraphControls } from './GraphControls.tsx';
import { InputImage } from './InputImage.tsx';
import { graphLayout } from './layout.ts';
import { LossNode } from './LossNode.tsx';
import { useGraphMessages } from './messages.ts';
import { Motion } from './Motion.tsx';
import { useSignedPalette } from '../shared/use-signed-palette.ts';
import { Units } from './Units.tsx';
import { edgeQuantity, graphColours, graphValues, rowOf, unitQuantity } from './values.ts';
import { shownPhaseIndex, traceAtPhase } from './view-phase.ts';
import { usePhaseKeys } from './use-phase-keys.ts';
import './graph.css';

type Hover = { kind: 'unit'; layer: number; unit: number } | { kind: 'weight'; layer: number; i: number; j: number } | null;

/** How long a phase's motion takes when stepping by hand (animated running takes its own pace). */
export const STEP_MOTION_MS = 700;

/** Column spacing (px) below which a layer's heading is its number only ("hidden 1" needs about this much). */
const NAME_ROOM = 58;

/** Width of each shared legend, when the graph is that wide, the narrowest one beside the other, and the gap between. */
const LEGEND_WIDTH = 300;
const LEGEND_MIN_WIDTH = 218;
const LEGEND_GAP = 8;

/** Height of what sits around the SVG (controls, formula, sentence, readout, legends), before it is measured. */
const AROUND_SVG_PX = 190;

const at = (m: Matrix | undefined, i: number, j: number) => (m === undefined || i >= m.rows ? undefined : m.data[i * m.cols + j]);

export function NetworkGraph({ width, height }: { width: number; height: number }) {
  const t = useGraphMessages();
  const info = useRun((s) => s.info);
  const running = useRun((s) => s.status === 'running');
  const latestTrace = useLiveRun((s) => s.trace);
  const params = useLiveRun((s) => s.snapshot?.params ?? null);
  const stepping = useLiveRun((s) => s.snapshot?.phase != null);
  const speed = useConfig((s) => s.speed);
  const hyper = useConfig((s) => s.experiment.hyper);
  const k = useFocusSample();
  const focus = useUi((s) => s.unitFocus);
  const scaling = useUi((s) => s.colourScaling);
  const mode = useUi((s) => s.colourMode);
  const viewed = useUi((s) => s.viewedPhase);
  const viewPhase = useUi((s) => s.viewPhase);
  const selection = useUi((s) => s.selection);
  const convention = useUi((s) => s.convention);
  const select = useUi((s) => s.select);
  const [offsets, setOffsets] = useState<number[]>([]);
  const [hover, setHover] = useState<Hover>(null);
  const [svgBox, svgSize] = useSize<HTMLDivElement>({ width, height: Math.max(160, height - AROUND_SVG_PX) });
  const spec = info?.network ?? null;
  useEffect(() => setOffsets([]), [spec]);
  // A new phase or step is shown as it arrives.
  const viewingEarlier = viewed !== null;
  useEffect(() => {
    if (viewingEarlier) viewPhase(null);
  }, [latestTrace]); // only a new trace resets the view

  const index = stepping ? shownPhaseIndex(latestTrace, viewed) : null;
  const phase = index === null ? null : latestTrace!.phases[index]!;
  const trace = useMemo(() => (latestTrace === null || index === null ? latestTrace : traceAtPhase(latestTrace, index)), [latestTrace, index]);
  const last = latestTrace === null ? 0 : latestTrace.phases.length - 1;
  usePhaseKeys(index, last, viewPhase);

  const svgHeight = svgSize.height;
  const units = spec?.layers.map((l) => l.units) ?? [];
  const layout = useMemo(() => graphLayout(units, offsets, width, svgHeight), [units.join(','), offsets, width, svgHeight]);
  const sample = focus === 'mean' ? 'mean' : k;
  const values = useMemo(() => (trace === null ? null : graphValues(trace, phase, sample)), [trace, phase, sample]);
  const palette = useSignedPalette();
  const colours = useMemo(() => (values === null ? null : graphColours(values, scaling, mode, palette, (l) => layout.layers[l]?.image == null)), [values, scaling, mode, palette, layout]);
  const scroll = (l: number, offset: number) =>
    setOffsets((o) => {
      const next = [...o];
      next[l] = Math.max(0, Math.min(units[l]! - layout.layers[l]!.visible, offset));
      return next;
    });
  const told = useMemo(() => (spec === null || phase === null || trace === null ? null : narrate(phase, trace, spec, k, selection, convention)), [spec, phase, trace, k, selection, convention]);
  const about = told?.about ?? null;
  // The unit or weight the sentence quotes is brought into view in a windowed layer.
  useEffect(() => {
    if (about === null) return;
    const wanted = about.kind === 'unit' ? [[about.layer, about.unit]] : [[about.layer - 1, about.i], [about.layer, about.j]];
    for (const [l, unit] of wanted as [number, number][]) {
      const lay = layout.layers[l];
      if (lay !== undefined && lay.image === null && (unit < lay.offset || unit >= lay.offset + lay.visible)) scroll(l, unit - Math.floor(lay.visible / 2));
    }
  }, [about]);
  if (spec === null) return <p className="graph-empty">{t('waiting')}</p>;
  const L = units.length - 1;
  const m = latestTrace?.x.rows ?? 0;
  const active = phase === null ? null : phaseLayer(phase, L);
  const classes = lossOf(spec.loss).targets === 'one-hot' ? Array.from({ length: units[L]! }, (_, j) => String(j)) : null;
  const durationMs = speed.kind === 'animated' ? 1000 / speed.phasesPerSecond : STEP_MOTION_MS;


  const edges = layout.layers.slice(1).map((to) => {
    const l = to.layer;
    const from = layout.layers[l - 1]!;
    if (from.image !== null) return null;
    // Between steps (no trace yet) the lines show the current weights.
    const v = values?.[l]?.edges ?? (trace === null ? (params?.[l - 1]?.W ?? null) : null);
    return (
      <Edges
        key={`e${l}`}
        from={from}
        to={to}
        values={v}
        colour={colours?.edge[l] ?? (() => 'var(--muted)')}
        range={colours?.edgeRange[l] ?? 0}
        active={active === l}
        edge={palette.line}
        selection={selection}
        narrated={about?.kind === 'weight' && about.layer === l ? about : null}
        onHover={(i, j, on) => setHover(on ? { kind: 'weight', layer: l, i, j } : null)}
        onSelect={(i, j) => select({ kind: 'weight', layer: l, i, j })}
      />
    );
  });

  const nodes = layout.layers.map((lay) => {
    const l = lay.layer;
    if (lay.image !== null) {
      const n = lay.units;
      const row = trace === null || trace.x.cols !== n ? null : trace.x.data.subarray(k * n, (k + 1) * n);
      return <InputImage key="input" x={lay.x} height={svgHeight} image={lay.image} row={row} name={t('inputImage')} />;
    }
    return (
      <Units
        key={`n${l}`}
        lay={lay}
        name={l === 0 ? t('input') : l === L ? t('output') : t('hidden', { l })}
        short={layout.columnGap < NAME_ROOM ? String(l) : null}
        values={values?.[l]?.units ?? null}
        colour={colours?.unit[l] ?? (() => 'var(--bg)')}
        radius={layout.radius}
        height={svgHeight}
        active={active === l}
        showNumbers={(!running || speed.kind === 'animated') && (layout.numbersFit || l === active || l === L)}
        classes={l === L ? classes : null}
        selection={selection}
        narrated={about?.kind === 'unit' && about.layer === l ? about.unit : null}
        t={t}
        onHover={(unit) => setHover(unit === null ? null : { kind: 'unit', layer: l, unit })}
        onSelect={(unit) => select({ kind: 'unit', layer: l, unit })}
        onScroll={(offset) => scroll(l, offset)}
      />
    );
  });

  const uq = unitQuantity(phase);
  const eq = edgeQuantity(phase);
  const layersWith = (pick: (l: number) => number | null) =>
    units.flatMap((_, l) => {
      const max = pick(l);
      return max === null ? [] : [{ layer: l, max }];
    });
  const unitRanges = values === null ? [] : layersWith((l) => (values[l]!.units === null || layout.layers[l]!.image !== null ? null : values[l]!.unitMax));
  const edgeRanges = values === null ? [] : layersWith((l) => (values[l]!.edges === null ? null : values[l]!.edgeMax));
  const formula = phase === null ? null : phaseFormula(phase, spec, hyper, convention);
  const faint = faintLayers(unitRanges, colours?.unitMax ?? 0, scaling, mode);
  // Two legends side by side, wide enough for "−0.00276  |x| < 21.6e−6 drawn as 0  +0.00276" on
  // their last line; narrower ones say "|x| < 21.6e−6 → 0"; narrower still, they wrap.
  const besideWidth = Math.min(LEGEND_WIDTH, Math.floor((width - LEGEND_GAP) / 2));
  const legendWidth = besideWidth >= LEGEND_MIN_WIDTH ? besideWidth : Math.min(LEGEND_WIDTH, width);
  const shortZero = legendWidth < LEGEND_WIDTH;
  const zeroLabel = (max: number) => {
    const z = zeroThreshold(max, mode, scaling === 'layer');
    if (!(z.below > 0)) return '0';
    const key = z.perMax ? (shortZero ? 'legend.zeroPerLayerShort' : 'legend.zeroPerLayer') : shortZero ? 'legend.zeroShort' : 'legend.zero';
    return t(key, { v: formatEngineering(z.below) });
  };
  const marksKey: MarksKey = { lines: [t('legend.marks1'), t('legend.marks2')], title: (l, v) => t('legend.markTitle', { l, v }) };
  return (
    <figure className="network-graph" style={{ height }}>
      <GraphControls m={m} sample={k} phase={index} onBack={() => index !== null && index > 0 && viewPhase(index - 1)} />
      <figcaption title={formula ?? undefined}>
        {phase === null ? (
          <span>{readableIndices(t('caption.free'))}</span>
        ) : (
          <span data-testid="phase-label">
            <strong>
              {t(`phase.${phase.kind}`)}
              {'layer' in phase ? ` ${phase.layer}` : ''}:
            </strong>{' '}
            <code>{formula === null ? null : readableIndices(formula)}</code>
            {index !== last && <span className="viewing"> ({t('viewing', { n: index! + 1, of: last + 1 })})</span>}
          </span>
        )}
      </figcaption>
      <Narration told={told} running={running} />
      <div className="graph-svg" ref={svgBox}>
        <svg width={width} height={svgHeight} role="img" aria-label={t('aria', { layers: units.join('-') })} data-testid="network-svg">
          {edges}
          {/* The motion under the units and their numbers: a dot passes behind a number's halo, never over its digits. */}
          {phase !== null && trace !== null && !(running && speed.kind !== 'animated') && (
            <Motion key={`${trace.step}:${index}`} phase={phase} trace={trace} layout={layout} sample={sample} durationMs={durationMs} mode={mode} />
          )}
          <LossNode
            layout={layout}
            output={layout.layers[L]!}
            trace={trace}
            targets={trace === null || trace.loss === undefined ? null : rowOf(trace.t, sample)}
            outputDelta={uq === 'delta' ? (values?.[L]?.units ?? null) : null}
            deltaColour={colours?.unit[L] ?? (() => 'var(--muted)')}
            sample={sample}
            active={phase?.kind === 'loss'}
            t={t}
          />
          {/* The phase's layer last, so that its numbers lie over the next column when they must cross it. */}
          {nodes.filter((_, l) => l !== active)}
          {active !== null && nodes[active]}
        </svg>
      </div>
      <div className="graph-readout" aria-live="polite">
        {hover !== null ? readableIndices(readout(hover, trace, params, k, convention, t)) : faint.length > 0 ? t(faint.length === 1 ? 'hint.faint' : 'hint.faintMany', { layers: faint.join(', ') }) : t('hint')}
      </div>
      <div className="graph-legends">
        <SharedLegend
          label={t('legend.units', { what: uq === 'delta' ? 'δ' : 'a', layers: unitRanges.map((r) => r.layer).join(', ') || '—' })}
          max={colours?.unitMax ?? 0}
          mode={mode}
          ranges={unitRanges}
          perLayer={scaling === 'layer'}
          zeroLabel={zeroLabel(colours?.unitMax ?? 0)}
          marksKey={marksKey}
          width={legendWidth}
        />
        <SharedLegend
          label={t('legend.edges', { what: { W: 'W', dW: '∂L/∂W', updateW: 'ΔW' }[eq], layers: edgeRanges.map((r) => r.layer).join(', ') || '—' })}
          max={colours?.edgeMax ?? 0}
          mode={mode}
          ranges={edgeRanges}
          perLayer={scaling === 'layer'}
          zeroLabel={zeroLabel(colours?.edgeMax ?? 0)}
          marksKey={marksKey}
          width={legendWidth}
        />
      </div>
    </figure>
  );
}

function readout(h: NonNullable<Hover>, trace: Trace | null, params: readonly { W: Matrix }[] | null, k: number, convention: Convention, t: ReturnType<typeof useGraphMessages>): string {
  const f = (x: number | undefined) => (x === undefined ? '—' : formatEngineering(x, 4));
  if (h.kind === 'unit') {
    if (h.layer === 0) return t('readout.input', { at: indexText(convention, k, h.unit), x: f(at(trace?.x, k, h.unit)) });
    const lt = trace?.layers[h.layer - 1];
    const line = t('readout.unit', { l: h.layer, lsup: sup(h.layer), unit: h.unit, sample: k, z: f(at(lt?.z, k, h.unit)), a: f(at(lt?.a, k, h.unit)), delta: f(at(lt?.delta, k, h.unit)) });
    // An output unit also reads out its target once the loss has been computed (the loss node's lines may lack room for it).
    const isOutput = trace !== null && h.layer === trace.layers.length && trace.loss !== undefined;
    return isOutput ? line + t('readout.target', { t: f(at(trace.t, k, h.unit)) }) : line;
  }
  const lt = trace?.layers[h.layer - 1];
  const W = lt?.W ?? params?.[h.layer - 1]?.W;
  return t('readout.weight', { lsup: sup(h.layer), at: indexText(convention, h.i, h.j), w: f(at(W, h.i, h.j)), dw: f(at(lt?.dW, h.i, h.j)), update: f(at(lt?.updateW, h.i, h.j)) });
}
