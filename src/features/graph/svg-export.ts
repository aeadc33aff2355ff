import type { Scene, SceneShape } from './graph-scene';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SANS = 'Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const MONO = 'ui-monospace, SF Mono, Menlo, Consolas, monospace';

/** Fixed light colours: an exported file has no page theme to inherit. */
const STYLE: Record<SceneShape['role'], Record<string, string>> = {
  node: { fill: '#ffffff', stroke: '#c9cee0', 'stroke-width': '1' },
  'node-error': { fill: '#ffffff', stroke: '#d93025', 'stroke-width': '1.5' },
  header: { fill: '#eef0ff' },
  'header-error': { fill: '#fde8e6' },
  rule: { stroke: '#dfe3ee', fill: 'none' },
  edge: { stroke: '#8a90a6', fill: 'none', 'stroke-width': '1.5' },
  arrow: { fill: '#8a90a6' },
  title: { fill: '#1c2033', 'font-family': SANS, 'font-size': '13', 'font-weight': '600' },
  type: { fill: '#4f46e5', 'font-family': SANS, 'font-size': '12' },
  label: { fill: '#5b6279', 'font-family': SANS, 'font-size': '12' },
  value: { fill: '#1c2033', 'font-family': MONO, 'font-size': '12' },
};

function element(doc: Document, s: SceneShape): Element {
  const el = doc.createElementNS(SVG_NS, s.kind);
  const attrs: Record<string, string | number> = { ...STYLE[s.role] };
  switch (s.kind) {
    case 'rect':
      Object.assign(attrs, { x: s.x, y: s.y, width: s.width, height: s.height, rx: 8 });
      break;
    case 'path':
      attrs.d = s.d;
      break;
    case 'text':
      Object.assign(attrs, { x: s.x, y: s.y, 'text-anchor': s.anchor });
      // textContent, never markup: a layer name is user text.
      el.textContent = s.text;
      break;
  }
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A standalone SVG file of the scene, serialised by the browser (which escapes all text). */
export function sceneToSvgFile(scene: Scene, title: string): string {
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const svg = doc.documentElement;
  const size = { width: scene.width, height: scene.height };
  svg.setAttribute('width', String(size.width));
  svg.setAttribute('height', String(size.height));
  svg.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  const titleEl = doc.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  svg.appendChild(titleEl);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ ...size, fill: '#f6f7fb' })) bg.setAttribute(k, String(v));
  svg.appendChild(bg);
  for (const s of scene.shapes) svg.appendChild(element(doc, s));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}
