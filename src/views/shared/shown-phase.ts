/**
 * Which step and which phase the screen shows while stepping by phase. A step is numbered from
 * 1 (step n is the n-th update), and every phase of it carries its number, the update
 * included: the trace's `step` (updates before it) + 1. The engine's own step counter counts
 * updates applied, so it moves at the update, mid-way through what the screen shows; reading
 * both step and phase from the trace on screen keeps the status line, the graph and its
 * sentence on the same step. The phase is the latest, or an earlier one after ←.
 */
import { phasesOf, type Phase } from '../../core/phases.ts';
import type { Trace } from '../../core/trace.ts';
import { shownPhaseIndex } from '../graph/view-phase.ts';
import { useLiveRun, useRun, useUi } from '../lab-context.tsx';

export interface ShownPhase {
  /** The step the phase belongs to, from 1. */
  readonly step: number;
  /** The phase's place in the step, from 1, and the step's number of phases (2L + 2). */
  readonly index: number;
  readonly count: number;
  readonly phase: Phase;
  /** Whether the shown phase is the loss or a later one (the step's loss is known). */
  readonly lossKnown: boolean;
}

/** The number of the step a trace holds, from 1: its update is the n-th (`trace.step` counts those before it). */
export function stepNumber(trace: Trace): number {
  return trace.step + 1;
}

/** The phase on screen, or null between whole steps (`stepping` false: the trace holds whole steps). */
export function shownPhase(trace: Trace | null, stepping: boolean, viewed: number | null, L: number): ShownPhase | null {
  if (!stepping || trace === null) return null;
  const index = shownPhaseIndex(trace, viewed);
  if (index === null) return null;
  const lossAt = phasesOf(L).findIndex((p) => p.kind === 'loss');
  return { step: stepNumber(trace), index: index + 1, count: phasesOf(L).length, phase: trace.phases[index]!, lossKnown: index >= lossAt };
}

export function useShownPhase(): ShownPhase | null {
  const trace = useLiveRun((s) => s.trace);
  const stepping = useLiveRun((s) => s.snapshot?.phase != null);
  const viewed = useUi((s) => s.viewedPhase);
  const L = useRun((s) => (s.info?.network.layers.length ?? 1) - 1);
  return shownPhase(trace, stepping, viewed, L);
}
