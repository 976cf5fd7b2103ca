/** A 0–max score as a labelled meter bar (CVSS base, exploitability and impact scores; EPSS probability). */
import type { ReactNode } from 'react';

/** Props of ScoreBar. */
export interface ScoreBarProps {
  label: string;
  value: number | null | undefined;
  max: number;
  /** Displayed value text ("9.8", "97.2%"); defaults to the value with one decimal. */
  text?: string;
  /** Colour (a CSS value); defaults to the accent colour. */
  color?: string;
}

/** A bar with the label and number beside it; the bar is decorative, the text carries the value. */
export function ScoreBar({ label, value, max, text, color }: ScoreBarProps): ReactNode {
  const known = value !== null && value !== undefined && !Number.isNaN(value);
  const shown = known ? (text ?? value.toFixed(1)) : 'n/a';
  const ratio = known ? Math.max(0, Math.min(1, value / max)) : 0;
  return (
    <div className="score-bar">
      <span className="score-bar__label">{label}</span>
      <span className="score-bar__track" aria-hidden="true">
        <span className="score-bar__fill" style={{ width: `${ratio * 100}%`, background: color ?? 'var(--accent)' }} />
      </span>
      <span className="score-bar__value">{shown}</span>
    </div>
  );
}
