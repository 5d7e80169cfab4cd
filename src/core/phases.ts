/**
 * A training step is a fixed sequence of phases:
 *   forward 1..L, loss, backward L..1, update.
 * Stepping by phase, by batch or by epoch all walk this same sequence.
 */
export type Phase =
  | { readonly kind: 'forward'; readonly layer: number }
  | { readonly kind: 'loss' }
  | { readonly kind: 'backward'; readonly layer: number }
  | { readonly kind: 'update' };

export function phasesOf(L: number): Phase[] {
  const phases: Phase[] = [];
  for (let l = 1; l <= L; l++) phases.push({ kind: 'forward', layer: l });
  phases.push({ kind: 'loss' });
  for (let l = L; l >= 1; l--) phases.push({ kind: 'backward', layer: l });
  phases.push({ kind: 'update' });
  return phases;
}

export function phaseLabel(p: Phase): string {
  return p.kind === 'forward' || p.kind === 'backward' ? `${p.kind} ${p.layer}` : p.kind;
}
