/**
 * After a form has been sent and the page has come back (`#item-12`, `#roadmap-status`), moves
 * keyboard and screen-reader focus to what the change was about instead of the top of the page.
 */
export function focusLocationHash(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}
