import type { Page } from '@playwright/test';

/** What a finger or an eye would miss on a small screen: each with where it is. */
export interface SizeFindings {
  /** Controls smaller than 44 × 44 CSS pixels (for a checkbox or radio: its label). */
  smallTargets: string[];
  /** Visible text under 14 px (chart ticks drawn in SVG aside). */
  smallText: string[];
  /** Controls cut off at the sides of the screen (outside any container that scrolls sideways). */
  cutOff: string[];
  /** How far the page scrolls sideways (0 when it does not). */
  overflowX: number;
}

/** Measures every visible control and text in the page as it stands. */
export function sizeFindings(page: Page): Promise<SizeFindings> {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const s = getComputedStyle(e);
      return s.visibility !== 'hidden' && !e.closest('.sr-only,[hidden],[aria-hidden="true"]');
    };
    const describe = (e: Element) => {
      const name =
        e.getAttribute('aria-label') ||
        (e as HTMLElement).innerText?.trim().slice(0, 30) ||
        e.getAttribute('name') ||
        '';
      const r = e.getBoundingClientRect();
      return `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`;
    };
    const controls = document.querySelectorAll(
      'button, select, input:not([type=hidden]), textarea, a[href], summary, [role=tab], [role=separator][tabindex]',
    );
    const scrollsSideways = (e: Element) => {
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    const smallTargets: string[] = [];
    const cutOff: string[] = [];
    for (const c of Array.from(controls)) {
      if (!visible(c)) continue;
      const at = c.getBoundingClientRect();
      if ((at.left < -1 || at.right > window.innerWidth + 1) && !scrollsSideways(c))
        cutOff.push(describe(c));
      const box =
        c instanceof HTMLInputElement &&
        (c.type === 'checkbox' || c.type === 'radio') &&
        c.closest('label')
          ? (c.closest('label') as Element)
          : c;
      const r = box.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) smallTargets.push(describe(box));
    }
    const smallText: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim() || el.closest('svg')) continue;
      seen.add(el);
      if (!visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 13.95) smallText.push(`${describe(el)} at ${size}px`);
    }
    const overflowX = document.documentElement.scrollWidth - window.innerWidth;
    return { smallTargets, smallText, cutOff, overflowX };
  });
}
