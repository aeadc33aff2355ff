/** "Spiral net (v2)" → "spiral_net_v2": a file name that is also a valid Python module name. */
export function fileStem(name: string | undefined, fallback = 'layerlab_model'): string {
  const stem = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(stem) ? stem : fallback;
}
