/**
 * Scrolls the nearest scrolling ancestor (only that one: not the column or the page around it)
 * so that `el`'s top is in sight. Beside the loss on a laptop screen the Predictions body is a
 * short scroller and the gallery sits below the matrix: a click on a cell would change nothing
 * the user can see.
 */
export function revealInScroller(el: HTMLElement): void {
  let box = el.parentElement;
  while (box) {
    const { overflowY } = getComputedStyle(box);
    if ((overflowY === 'auto' || overflowY === 'scroll') && box.scrollHeight > box.clientHeight)
      break;
    box = box.parentElement;
  }
  if (!box) return;
  const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
  // Already in the upper part of the box: leave it where the user put it.
  if (top >= 0 && top < box.clientHeight / 2) return;
  box.scrollTop += top;
}
