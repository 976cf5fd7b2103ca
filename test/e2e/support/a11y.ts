/**
 * A small accessibility audit run inside the page: text contrast against WCAG 2.x AA (4.5:1, 3:1 for large text;
 * https://www.w3.org/TR/WCAG21/#contrast-minimum) with the background found by walking up to the first opaque
 * ancestor, and an accessible name for every form control, link and button. Disabled controls are exempt, as WCAG
 * allows. It reports problems as text so a failing test names them.
 */
import type { Page } from 'playwright-core';

const AUDIT = `(() => {
  const problems = [];
  const parse = (color) => {
    const m = color.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color && color.a >= 0.99) return color;
    }
    return parse(getComputedStyle(document.body).backgroundColor) ?? { r: 255, g: 255, b: 255, a: 1 };
  };
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0';
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const checked = new Set();
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const element = text.parentElement;
    if (!element || checked.has(element) || !text.textContent.trim() || !visible(element)) continue;
    checked.add(element);
    if (element.closest('[disabled], [aria-disabled="true"], .sr-only, svg, option')) continue;
    const style = getComputedStyle(element);
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = background(element);
    const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push('contrast ' + ratio.toFixed(2) + ' of "' + text.textContent.trim().slice(0, 40) + '" (' + style.color + ' on rgb(' + bg.r + ', ' + bg.g + ', ' + bg.b + '))');
    }
  }
  for (const control of document.querySelectorAll('input, select, textarea, button, a[href], [role="tab"]')) {
    if (!visible(control) || control.type === 'hidden') continue;
    const name = (control.getAttribute('aria-label') ?? '').trim() ||
      (control.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join('').trim() ||
      [...(control.labels ?? [])].map((label) => label.textContent).join('').trim() ||
      (control.tagName === 'INPUT' || control.tagName === 'SELECT' || control.tagName === 'TEXTAREA' ? '' : control.textContent.trim()) ||
      (control.getAttribute('title') ?? '').trim();
    if (!name) problems.push('no accessible name: ' + control.outerHTML.slice(0, 80));
  }
  return problems;
})()`;

/** Contrast and naming problems on the current page (empty when it passes). */
export function auditPage(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(AUDIT);
}
