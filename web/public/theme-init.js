// Sets <html data-theme> before the first paint, so a dark-theme user never sees a white flash: the saved choice, or
// else the system's, followed while no choice is saved. The stylesheet then holds the dark tokens once, under
// [data-theme="dark"]. A separate file (not an inline script) so a strict Content-Security-Policy (script-src 'self')
// still allows it.
{
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const saved = () => {
    try {
      const theme = localStorage.getItem('lucent.theme');
      return theme === 'light' || theme === 'dark' ? theme : null;
    } catch {
      return null; // Storage refused (private mode): the system theme applies.
    }
  };
  const apply = () => {
    document.documentElement.dataset.theme = saved() ?? (media.matches ? 'dark' : 'light');
  };
  apply();
  media.addEventListener('change', apply);
}
