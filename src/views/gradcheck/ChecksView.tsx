/** The "Check & bugs" tab: the gradient check above the bug lab. */
import { BugLab } from '../buglab/BugLab.tsx';
import { GradCheckPanel } from './GradCheckPanel.tsx';

export function ChecksView() {
  return (
    <>
      <GradCheckPanel />
      <BugLab />
    </>
  );
}
