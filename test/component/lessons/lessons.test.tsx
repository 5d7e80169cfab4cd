/** The lesson panel and its question box, on a lab whose engine is a recording fake. */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLesson } from '../../../src/lessons/catalog.ts';
import { formatValue } from '../../../src/lessons/placeholders.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';
import { Lessons } from '../../../src/views/lessons/Lessons.tsx';
import { QuestionBox } from '../../../src/views/lessons/QuestionBox.tsx';
import { loadProgress } from '../../../src/views/lessons/progress.ts';
import { renderInLab } from '../lab-harness.tsx';

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
});
afterEach(cleanup);

function firstTrace() {
  const config = findPreset('planar-2-4-1')!;
  const experiment = new Experiment(config, loadExperimentData(config.data, () => { throw new Error('no MNIST'); }));
  return experiment.trainer.step(experiment.nextBatch(), { trace: true }).trace!;
}

describe('Lessons', () => {
  it('lists the lessons, starts one by configuring its preset, puts it in the address and keeps progress', async () => {
    const h = renderInLab(<Lessons />);
    act(h.ready); // the lab's first experiment
    fireEvent.click(screen.getByTestId('lessons-open'));
    expect((await screen.findByTestId('lesson-forward-pass')).textContent).toBe('The forward pass by hand'); // loaded on opening
    expect(screen.getByTestId('lesson-vanishing-gradients').textContent).toBe('Vanishing gradients');
    const sentBefore = h.sent.length;
    await act(async () => fireEvent.click(screen.getByTestId('lesson-forward-pass')));
    expect(h.sent.slice(sentBefore).some((c) => c.type === 'configure' && c.config.name === 'planar-2-4-1')).toBe(true);
    expect(screen.getByTestId('lesson-narration').textContent).toBe('Setting up the experiment…');
    await act(async () => h.ready()); // the lesson's experiment
    expect(screen.getByTestId('lesson-narration').textContent).toMatch(/^This network has 2 inputs/);
    expect(location.hash).toBe('#lesson=forward-pass&step=1');
    expect(loadProgress()).toEqual({ 'forward-pass': { step: 0, done: false } });
    expect(screen.getByTestId('lesson-next')).toHaveProperty('disabled', false);
    expect(screen.getByTestId('lesson-back')).toHaveProperty('disabled', true);
  });

  it('shows the same lesson in 简体中文', async () => {
    const h = renderInLab(<Lessons />, 'zh');
    act(h.ready);
    fireEvent.click(screen.getByTestId('lessons-open'));
    const first = await screen.findByTestId('lesson-forward-pass');
    await act(async () => fireEvent.click(first));
    await act(async () => h.ready());
    expect(screen.getByTestId('lesson-narration').textContent).toMatch(/^这个网络有 2 个输入/);
    expect(screen.getByTestId('lesson-step').textContent).toBe('第 1 步，共 8 步');
  });

  it('refuses a malformed lesson file with the field named, and resets progress', async () => {
    renderInLab(<Lessons />);
    fireEvent.click(screen.getByTestId('lessons-open'));
    const input = await screen.findByTestId('lesson-file');
    const file = new File(['{"id":"x","title":{"en":"a","zh":"b"},"steps":[]}'], 'bad.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(screen.getByTestId('lesson-problem').textContent).toBe('This lesson file was refused: lesson.steps: must have 1 to 30 entries, got 0');
    localStorage.setItem('backprop-lab/lessons@1', JSON.stringify({ 'forward-pass': { step: 3, done: false } }));
    fireEvent.click(screen.getByTestId('lesson-reset'));
    expect(localStorage.getItem('backprop-lab/lessons@1')).toBeNull();
  });
});

describe('QuestionBox', () => {
  const question = findLesson('forward-pass')!.steps[1]!.question!;

  it('checks a number against the trace: wrong twice opens the reveal, which shows the trace value', () => {
    const outcomes: string[] = [];
    const h = renderInLab(<QuestionBox question={question} language="en" outcome="open" onOutcome={(o) => outcomes.push(o)} />);
    const trace = firstTrace();
    act(() => h.lab.run.setState({ trace }));
    fireEvent.change(screen.getByTestId('lesson-answer'), { target: { value: 'seven' } });
    fireEvent.click(screen.getByTestId('lesson-check'));
    expect(screen.getByTestId('lesson-feedback').textContent).toBe('Type a number, such as −0.0123.');
    fireEvent.change(screen.getByTestId('lesson-answer'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('lesson-check'));
    expect(screen.getByTestId('lesson-feedback').textContent).toBe('Not yet. Try again.');
    expect(screen.queryByTestId('lesson-reveal')).toBeNull();
    fireEvent.click(screen.getByTestId('lesson-check'));
    expect(screen.getByTestId('lesson-feedback').textContent).toBe('Not yet.');
    fireEvent.click(screen.getByTestId('lesson-reveal'));
    expect(outcomes).toEqual(['revealed']);
    const z = trace.layers[0]!.z!;
    fireEvent.change(screen.getByTestId('lesson-answer'), { target: { value: formatValue(z.data[2]!) } });
    fireEvent.click(screen.getByTestId('lesson-check'));
    expect(outcomes).toEqual(['revealed', 'right']);
  });
});
