/** Accessible tabs (WAI-ARIA tabs pattern: arrow keys, Home/End, roving tabindex), optionally kept in the URL. */
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { useSearchParams } from 'react-router';

/** One tab: its id (also the URL value), label and panel. */
export interface TabItem {
  id: string;
  label: ReactNode;
  panel: () => ReactNode;
  disabled?: boolean;
}

/** Props of Tabs. */
export interface TabsProps {
  label: string;
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
}

/** A tab list with one rendered panel (panels render lazily, so hidden tabs fetch nothing). */
export function Tabs({ label, tabs, selected, onSelect }: TabsProps): ReactNode {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const enabled = tabs.filter((tab) => !tab.disabled);
  const current = tabs.find((tab) => tab.id === selected && !tab.disabled) ?? enabled[0];

  const onKeyDown = (event: KeyboardEvent) => {
    const index = enabled.findIndex((tab) => tab.id === current?.id);
    let next: TabItem | undefined;
    if (event.key === 'ArrowRight') next = enabled[(index + 1) % enabled.length];
    else if (event.key === 'ArrowLeft') next = enabled[(index - 1 + enabled.length) % enabled.length];
    else if (event.key === 'Home') next = enabled[0];
    else if (event.key === 'End') next = enabled[enabled.length - 1];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const active = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) refs.current.set(tab.id, element);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              disabled={tab.disabled}
              className="tabs__tab"
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {current ? (
        <div
          role="tabpanel"
          id={`${base}-panel-${current.id}`}
          aria-labelledby={`${base}-tab-${current.id}`}
          className="tabs__panel"
        >
          {current.panel()}
        </div>
      ) : null}
    </div>
  );
}

/** Props of UrlTabs. */
export interface UrlTabsProps extends Omit<TabsProps, 'selected' | 'onSelect'> {
  /** The tab shown while the URL names none. */
  defaultTab: string;
}

/** Tabs selected by the URL's `tab` parameter; switching keeps the other parameters and adds no history entry. */
export function UrlTabs({ defaultTab, ...props }: UrlTabsProps): ReactNode {
  const [search, setSearch] = useSearchParams();
  const select = (next: string) => {
    const params = new URLSearchParams(search);
    params.set('tab', next);
    setSearch(params, { replace: true });
  };
  return <Tabs {...props} selected={search.get('tab') ?? defaultTab} onSelect={select} />;
}
