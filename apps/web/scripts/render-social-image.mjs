#!/usr/bin/env node
// Renders static/social-card.png, the 1200×630 picture that link previews (Open Graph) show.
// Run by hand after changing the brand: `node scripts/render-social-image.mjs` (Debian's Chromium).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const staticDir = fileURLToPath(new URL('../static/', import.meta.url));
const logo = readFileSync(`${staticDir}favicon.svg`, 'utf8');
const html = `<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px 90px;background:#0b2545;color:#fff;
  font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;display:flex;flex-direction:column;justify-content:space-between">
  <div style="display:flex;align-items:center;gap:28px">
    <div style="width:120px;height:120px">${logo.replace('<svg ', '<svg width="120" height="120" ')}</div>
    <div style="font-size:72px;font-weight:700">Sailcourt 赛场</div>
  </div>
  <div style="font-size:44px;line-height:1.4">青岛 2023 夏季篮球季 · 环山东半岛帆船拉力赛<br>
    <span style="color:#f4a261;font-size:36px">Qingdao 2023 basketball season · Shandong offshore rally</span></div>
  <div style="font-size:28px;color:#cbd5e1">赛程 · 积分 · 实时比分 · 航迹 — schedules, standings, live scores, tracking</div>
</div></body></html>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: `${staticDir}social-card.png` });
await browser.close();
console.log(`wrote ${staticDir}social-card.png`);
