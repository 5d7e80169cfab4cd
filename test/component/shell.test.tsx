import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../src/app/I18nProvider.tsx';
import { applyTheme, savedView } from '../../src/app/saved-view.ts';
import { createUiStore } from '../../src/store/ui.ts';
import { LanguageSwitch } from '../../src/views/controls/LanguageSwitch.tsx';
import { ThemeSwitch } from '../../src/views/controls/ThemeSwitch.tsx';
import { Tabs } from '../../src/views/shared/Tabs.tsx';
import { Transport } from '../../src/views/controls/Transport.tsx';
import { renderInLab } from './lab-harness.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('LanguageSwitch with the provider', () => {
  it('switches every string, sets <html lang>, and remembers the choice', () => {
    const ui = createUiStore({ language: 'en' });
    const view = render(
      <I18nProvider ui={ui}>
        <LanguageSwitch />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh' } });
    expect(ui.getState().language).toBe('zh');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByLabelText('语言')).toBeDefined();
    expect(localStorage.getItem('backprop-lab.language')).toBe('zh');
    view.unmount();
    render(
      <I18nProvider ui={createUiStore(savedView())}>
        <LanguageSwitch />
      </I18nProvider>,
    );
    expect(screen.getByLabelText('语言')).toBeDefined();
  });

  it('Transport follows the language', () => {
    const h = renderInLab(<Transport />, 'zh');
    h.ready();
    expect(screen.getByRole('button', { name: '重置' })).toBeDefined();
  });
});

describe('ThemeSwitch', () => {
  it('sets the theme in the screen’s store', () => {
    const h = renderInLab(<ThemeSwitch />);
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    expect(h.lab.ui.getState().theme).toBe('dark');
  });

  it('the shell applies it as data-theme on <html> and remembers it; system removes it', () => {
    applyTheme('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(localStorage.getItem('backprop-lab.theme')).toBe('dark');
    expect(savedView().theme).toBe('dark');
    applyTheme('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});

describe('Tabs', () => {
  const tabs = ['one', 'two', 'three'].map((key) => ({ key, label: key.toUpperCase(), render: () => <p>panel {key}</p> }));

  it('shows the chosen panel and moves with the arrow keys', () => {
    let active = 'one';
    const view = render(<Tabs tabs={tabs} active={active} onChange={(k) => (active = k)} label="Views" />);
    expect(screen.getByRole('tabpanel').textContent).toBe('panel one');
    expect(screen.getByRole('tab', { name: 'ONE' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'ONE' }), { key: 'ArrowLeft' });
    expect(active).toBe('three');
    view.rerender(<Tabs tabs={tabs} active={active} onChange={(k) => (active = k)} label="Views" />);
    expect(screen.getByRole('tabpanel').textContent).toBe('panel three');
    fireEvent.click(screen.getByRole('tab', { name: 'TWO' }));
    expect(active).toBe('two');
  });
});
