/**
 * A lesson in the address: `#lesson=forward-pass&step=4` opens lesson "forward-pass" at its
 * step 4 (counted from 1, as a teacher says it). While a lesson is open the address holds it
 * instead of the experiment's `#config=…`: the lesson sets up the experiment itself.
 */
const LINK = /^#?lesson=([a-z0-9][a-z0-9-]{0,63})(?:&step=(\d{1,3}))?$/;

export interface LessonLink {
  readonly id: string;
  /** Zero-based step index. */
  readonly step: number;
}

export function readLessonLink(hash: string): LessonLink | null {
  const match = LINK.exec(hash);
  if (match === null) return null;
  return { id: match[1]!, step: Math.max(0, Number(match[2] ?? '1') - 1) };
}

export function isLessonLink(hash: string): boolean {
  return /^#?lesson=/.test(hash);
}

export function lessonFragment(id: string, step: number): string {
  return `lesson=${id}&step=${step + 1}`;
}
