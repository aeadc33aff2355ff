import { chromium } from '@playwright/test';
const [scheme, out, ...labels] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, colorScheme: scheme });
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto('http://127.0.0.1:4180/');
const panel = page.getByRole('region', { name: 'Data', exact: true }).last();
const shots = [];
for (const [i, label] of labels.entries()) {
  await panel.getByRole('combobox', { name: 'Dataset' }).selectOption({ label });
  await page.waitForTimeout(1200);
  const box = await panel.evaluate((el) => { const r = el.getBoundingClientRect(); return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: Math.min(r.height, 900) }; });
  await page.screenshot({ path: out.replace('.png', `-${i}.png`), fullPage: true, clip: box });
}
console.log('errors', JSON.stringify(errors));
await browser.close();
