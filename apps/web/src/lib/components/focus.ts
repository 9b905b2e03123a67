/**
 * Moves focus to an element when it appears (an error summary, a confirmation), and scrolls it into view,
 * so keyboard and screen-reader users land where the page changed. The element needs tabindex="-1".
 */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => {
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: 'center' });
  });
}
