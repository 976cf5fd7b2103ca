/** Theme picker: system, light or dark, as a labelled select (keyboard and screen-reader friendly). */
import type { ReactNode } from 'react';
import { type ThemeChoice, useTheme } from '../../shared/hooks/use-theme.ts';

/** The select in the top bar. */
export function ThemeToggle(): ReactNode {
  const { choice, setChoice } = useTheme();
  return (
    <label className="theme-toggle">
      <span className="sr-only">Theme</span>
      <select value={choice} onChange={(event) => setChoice(event.target.value as ThemeChoice)} data-testid="theme">
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
