/** Numbers typed into Settings are read strictly: nothing is silently truncated or read as hex. */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Settings } from '../../src/views/controls/Settings.tsx';
import { renderInLab } from './lab-harness.tsx';

afterEach(cleanup);

const commit = (label: string, value: string) => {
  const field = screen.getByLabelText(label);
  fireEvent.change(field, { target: { value } });
  fireEvent.keyDown(field, { key: 'Enter' });
  return field as HTMLInputElement;
};

describe('strict number fields', () => {
  it('refuses 2.5 units with the reason, rather than truncating it to 2', () => {
    const h = renderInLab(<Settings />);
    commit('Units of layer 1', '2.5');
    expect(screen.getByRole('alert').textContent).toMatch(/config\.network\.layers\[1\]\.units: must be a whole number, got 2\.5/);
    expect(h.sent).toEqual([]);
    expect(h.lab.config.getState().experiment.network.layers[1]!.units).toBe(4);
  });

  it('does not read 0x10 as 16: the field goes back to the value in force and nothing is sent', () => {
    const h = renderInLab(<Settings />);
    const field = commit('Units of layer 1', '0x10');
    expect(field.value).toBe('4');
    expect(h.sent).toEqual([]);
    commit('Units of layer 1', ' 6 '); // spaces around a number are not a reason to refuse it
    expect(h.lab.config.getState().experiment.network.layers[1]!.units).toBe(6);
  });
});
