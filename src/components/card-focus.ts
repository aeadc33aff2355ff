/** DOM id of a layer's card; layer ids are only ever used as attribute values, never as HTML. */
export const cardDomId = (layerId: string) => `layer-${layerId}`;

/**
 * Focuses a card's select button once React has rendered the edit that created or kept it (after
 * a removal the focus would otherwise fall back to the page). Scrolls it into view as well.
 */
export function focusCard(layerId: string | null, fallback?: () => HTMLElement | null): void {
  setTimeout(() => {
    const card = layerId ? document.getElementById(cardDomId(layerId)) : null;
    const target = card?.querySelector<HTMLElement>('.card-main') ?? fallback?.() ?? null;
    target?.focus();
    card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, 0);
}
