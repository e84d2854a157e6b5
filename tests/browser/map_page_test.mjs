// Opens metagate's html data map from file:// in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) and checks that it works as a security team would use it: no
// console error, page error, failed or outgoing request, or dialog; the graph has a node per
// integration and vendor and an edge per pair; the flow table has a row per flow, sorts by count
// both ways and filters; the three question sections have content. Saves a full-page screenshot.
// Usage: node map_page_test.mjs MAP.html SCREENSHOT.png
import { chromium } from 'playwright-core';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [htmlPath, shotPath] = process.argv.slice(2);
if (!htmlPath || !shotPath) {
  console.error('usage: node map_page_test.mjs MAP.html SCREENSHOT.png');
  process.exit(2);
}

let failures = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : ': ' + detail}`);
  if (!ok) failures++;
}

const PASSES = new Set(['allowed', 'observed', 'discovered']);

// launch() gives every run a fresh temporary profile (user data dir), removed on close.
const browser = await chromium.launch({
  timeout: 120000,
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // CI shares two cores with other tests: generous limits, no timing assertions.
  page.setDefaultTimeout(120000);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      problems.push(`console ${msg.type()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('file:') && !url.startsWith('data:')) {
      problems.push(`request outside the page: ${url}`);
    }
  });
  page.on('dialog', async (dialog) => {
    problems.push(`dialog opened (script ran from data?): ${dialog.message()}`);
    await dialog.dismiss();
  });

  await page.goto(pathToFileURL(path.resolve(htmlPath)).href, { waitUntil: 'load' });

  const data = JSON.parse(await page.locator('#map-data').textContent());
  const flows = data.flows;
  const integrations = new Set(flows.map((f) => f.integration));
  const vendors = new Set(flows.map((f) => f.vendor));
  const pairs = new Map();
  for (const f of flows) {
    const key = JSON.stringify([f.integration, f.vendor]);
    pairs.set(key, (pairs.get(key) || false) || PASSES.has(f.decision));
  }
  const blockedPairs = [...pairs.values()].filter((passes) => !passes).length;
  check('the map has flows to show', flows.length > 0);

  // The graph.
  const graph = page.locator('svg#flow-graph');
  const box = await graph.boundingBox();
  check('the graph is drawn', box !== null && box.width > 300 && box.height > 100,
        JSON.stringify(box));
  const nInt = await graph.locator('g.node.integration').count();
  const nVen = await graph.locator('g.node.vendor').count();
  const nEdge = await graph.locator('g.edge').count();
  const nBlocked = await graph.locator('g.edge.blocked').count();
  check('one graph node per integration', nInt === integrations.size, `${nInt} != ${integrations.size}`);
  check('one graph node per vendor', nVen === vendors.size, `${nVen} != ${vendors.size}`);
  check('one edge per integration and vendor', nEdge === pairs.size, `${nEdge} != ${pairs.size}`);
  check('blocked-only edges are marked', nBlocked === blockedPairs, `${nBlocked} != ${blockedPairs}`);
  const names = await graph.locator('g.node').evaluateAll((gs) => gs.map((g) => g.dataset.name));
  check('graph nodes are named after the data',
        names.every((n) => integrations.has(n) || vendors.has(n)), names.join(', '));

  // The flow table.
  const rows = page.locator('#flow-table tbody tr.flow');
  check('one table row per flow', (await rows.count()) === flows.length,
        `${await rows.count()} != ${flows.length}`);
  const visibleCounts = () => page.locator('#flow-table tbody tr.flow:not([hidden]) td:nth-child(8)')
      .evaluateAll((tds) => tds.map((td) => Number(td.textContent.replace(/,/g, ''))));
  const countHeader = page.locator('#flow-table th[data-key="count"]');
  await countHeader.click();
  const up = await visibleCounts();
  const sortedUp = [...up].sort((a, b) => a - b);
  check('clicking "count" sorts rows by count, ascending',
        JSON.stringify(up) === JSON.stringify(sortedUp) && up[0] < up[up.length - 1],
        up.slice(0, 8).join(','));
  check('the header says so', (await countHeader.getAttribute('aria-sort')) === 'ascending');
  await countHeader.click();
  const down = await visibleCounts();
  check('clicking again sorts descending',
        JSON.stringify(down) === JSON.stringify([...sortedUp].reverse()), down.slice(0, 8).join(','));

  // A term some rows carry and others do not: a vendor, else an event name.
  const candidates = [...flows.map((f) => f.vendor), ...flows.map((f) => f.event)];
  const rowText = (f) => [f.integration, f.vendor, f.event, f.field, f.classes, f.form,
                          f.decision].join(' ').toLowerCase();
  const term = candidates.find((c) => {
    const n = flows.filter((f) => rowText(f).includes(c.toLowerCase())).length;
    return n > 0 && n < flows.length;
  }) ?? flows[flows.length - 1].vendor;
  const withTerm = flows.filter((f) => f.vendor === term || f.event === term).length;
  await page.locator('#filter').fill(term);
  const shown = await rows.evaluateAll((trs) => trs.filter((tr) => !tr.hidden)
      .map((tr) => tr.textContent.toLowerCase()));
  check(`filtering on "${term}" hides the rows without it`,
        shown.length >= withTerm && shown.length < flows.length &&
            shown.every((t) => t.includes(term.toLowerCase())),
        `${shown.length} shown, ${withTerm} expected`);
  const hiddenWithTerm = await rows.evaluateAll((trs, t) => trs.filter((tr) => tr.hidden &&
      tr.textContent.toLowerCase().includes(t)).length, term.toLowerCase());
  check('and no row with it is hidden', hiddenWithTerm === 0);
  await page.locator('#filter').fill('');
  check('clearing the filter shows every row',
        (await rows.evaluateAll((trs) => trs.filter((tr) => !tr.hidden).length)) === flows.length);

  // The questions.
  for (const id of ['vendor-classes', 'identifier-senders', 'new-flows']) {
    const section = page.locator(`#${id}`);
    const text = ((await section.count()) ? await section.innerText() : '').trim();
    const heading = (await section.locator('h2').count()) ? await section.locator('h2').innerText() : '';
    check(`section #${id} is present and not empty`, text.length > heading.length + 10,
          JSON.stringify(text.slice(0, 80)));
  }
  const anyNew = flows.some((f) => f.new);
  if (anyNew) {
    const newRows = await page.locator('#new-flows tbody tr').count();
    const expected = flows.filter((f) => f.new).length;
    check('"new since" lists every new flow', newRows === expected, `${newRows} != ${expected}`);
  }
  const identifierRows = await page.locator('#identifier-senders tbody tr').count();
  const sendsIdentifiers = flows.some((f) => f.field !== '' && PASSES.has(f.decision) &&
      f.form !== 'dropped' && f.classes.split(',').some((c) => data.identifier_classes.includes(c)));
  if (sendsIdentifiers) check('identifier senders are listed', identifierRows > 0);

  // Hostile names render as text.
  const hostile = flows.find((f) => /<script/i.test(f.field));
  if (hostile) {
    const tableText = await page.locator('#flow-table').innerText();
    check('a field named like markup shows as text', tableText.includes(hostile.field));
  }

  // Sorting scrolled the clicked header into view; show the tables from their left edge.
  await page.evaluate(() => document.querySelectorAll('.scroll').forEach((s) => { s.scrollLeft = 0; }));
  await page.screenshot({ path: shotPath, fullPage: true });
  console.log(`screenshot: ${path.resolve(shotPath)}`);
} finally {
  await browser.close();
}

for (const p of problems) check('no console errors, page errors or requests', false, p);
if (problems.length === 0) check('no console errors, page errors or requests', true);
console.log(failures === 0 ? 'all checks passed' : `${failures} checks failed`);
process.exit(failures === 0 ? 0 : 1);
