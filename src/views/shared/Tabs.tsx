/** Accessible tabs: a tablist of buttons (arrow keys move between them) and the chosen panel. */
import { useId, useRef, type ReactNode, type Ref } from 'react';

export interface Tab {
  readonly key: string;
  readonly label: string;
  readonly render: () => ReactNode;
  /** Starts loading the view's code, on intent (pointer over or focus on its tab). */
  readonly preload?: () => unknown;
}

/** `panelRef` is given the panel below the list: its box is the room the views have (the list may wrap to two rows). */
export function Tabs({ tabs, active, onChange, label, panelRef }: { tabs: readonly Tab[]; active: string; onChange(key: string): void; label: string; panelRef?: Ref<HTMLDivElement> }) {
  const id = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = tabs.find((t) => t.key === active) ?? tabs[0];
  const move = (from: number, by: number) => {
    const next = (from + by + tabs.length) % tabs.length;
    onChange(tabs[next]!.key);
    buttons.current[next]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label}>
        {tabs.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            role="tab"
            type="button"
            id={`${id}-${t.key}`}
            aria-selected={t.key === current?.key}
            aria-controls={`${id}-panel`}
            tabIndex={t.key === current?.key ? 0 : -1}
            onClick={() => onChange(t.key)}
            onPointerEnter={t.preload}
            onFocus={t.preload}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(i, 1);
              if (e.key === 'ArrowLeft') move(i, -1);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current?.key}`} className="tab-panel" ref={panelRef}>
        {current?.render()}
      </div>
    </div>
  );
}
