/** Light/dark theme: follows the system (prefers-color-scheme) unless the user picked one, which is remembered. */
import { useCallback, useSyncExternalStore } from 'react';

/** The user's choice: follow the system, or force light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'lucent.theme';
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const media = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener('change', listener);
  };
}

/**
 * Applies a choice to <html data-theme> (read by the stylesheet) as the effective theme, and remembers it; while the
 * choice is `system`, public/theme-init.js keeps the attribute in step with the system's preference.
 */
export function applyTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
  document.documentElement.dataset.theme = effectiveTheme(choice);
  for (const listener of listeners) listener();
}

/** The effective theme right now. */
export function effectiveTheme(choice: ThemeChoice = readChoice()): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The choice, the effective theme and a setter. */
export function useTheme(): { choice: ThemeChoice; theme: 'light' | 'dark'; setChoice: (choice: ThemeChoice) => void } {
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as ThemeChoice);
  const theme = useSyncExternalStore(
    subscribe,
    () => effectiveTheme(choice),
    () => 'light' as const,
  );
  const setChoice = useCallback((next: ThemeChoice) => applyTheme(next), []);
  return { choice, theme, setChoice };
}
