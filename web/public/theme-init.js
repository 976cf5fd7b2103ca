// Applies the saved theme before the first paint, so a dark-theme user never sees a white flash. A separate file
// (not an inline script) so a strict Content-Security-Policy (script-src 'self') still allows it.
try {
  const theme = localStorage.getItem('lucent.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage refused (private mode): the system theme applies.
}
