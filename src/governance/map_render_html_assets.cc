// The html data map's inline style sheet and script. Both stay inside the page (its CSP allows
// inline style and script and nothing else), reference nothing outside it, and use system fonts.
#include "map_render.h"

namespace metagate::governance::map_render {

const char kPageCss[] = R"css(
:root { --ink:#0f172a; --muted:#64748b; --line:#e2e8f0; --bg:#f8fafc; --panel:#fff;
  --int:#1d4ed8; --int-bg:#eff6ff; --ven:#6d28d9; --ven-bg:#f5f3ff; --bad:#dc2626;
  --ok:#15803d; --warn:#b45309; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1440px; margin: 0 auto; padding: 24px 24px 40px; }
h1 { font-size: 24px; margin: 0 0 2px; letter-spacing: -0.01em; }
h2 { font-size: 16px; margin: 0 0 12px; }
code { font: 12.5px/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  background: #f1f5f9; padding: 1px 4px; border-radius: 4px; }
.page-head { display: flex; justify-content: space-between; align-items: flex-end;
  border-bottom: 1px solid var(--line); padding-bottom: 14px; margin-bottom: 16px; }
.meta { margin: 0; color: var(--muted); }
.meta strong { color: var(--ink); font-weight: 600; }
.brand { font-weight: 700; color: var(--int); letter-spacing: 0.04em; text-transform: uppercase;
  font-size: 12px; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px;
  margin-bottom: 18px; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: 10px;
  padding: 12px 14px; }
.tile .value { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.tile .label { color: var(--muted); font-size: 12px; text-transform: uppercase;
  letter-spacing: 0.04em; }
.tile.ok .value { color: var(--ok); } .tile.bad .value { color: var(--bad); }
.tile.warn .value { color: var(--warn); }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 12px;
  padding: 16px 14px; margin-bottom: 18px; box-shadow: 0 1px 2px rgba(15,23,42,.04); }
.questions { display: grid; grid-template-columns: 1fr; gap: 0; }
.hint { color: var(--muted); margin: -4px 0 12px; font-size: 13px; }
.legend-id { color: var(--bad); font-weight: 600; }
.legend-raw { color: var(--warn); font-weight: 600; }
.graph-wrap { overflow-x: auto; }
.flow-graph { display: block; max-width: none; }
.flow-graph .col-head { font-size: 11px; font-weight: 700; fill: var(--muted);
  letter-spacing: 0.06em; }
.flow-graph .node rect { stroke-width: 1.5; }
.flow-graph .node text { font-size: 13px; font-weight: 600; }
.flow-graph .integration rect { fill: var(--int-bg); stroke: var(--int); }
.flow-graph .integration text { fill: var(--int); }
.flow-graph .vendor rect { fill: var(--ven-bg); stroke: var(--ven); }
.flow-graph .vendor text { fill: var(--ven); }
.flow-graph .wire { fill: none; stroke: #94a3b8; stroke-width: 1.4; }
.flow-graph .arrowhead { fill: #94a3b8; } .flow-graph .arrowhead.blocked { fill: var(--bad); }
.flow-graph .card { fill: #fff; stroke: #cbd5e1; }
.flow-graph .card-title { font-size: 12px; font-weight: 600; fill: var(--ink); }
.flow-graph .card-counts { font-size: 11px; fill: var(--muted); }
.flow-graph .card-line, .flow-graph .card-note { font-size: 12px; fill: #334155; }
.flow-graph .card-note { font-style: italic; fill: var(--muted); }
.flow-graph .cls { font-weight: 600; } .flow-graph .cls.identifier { fill: var(--bad); }
.flow-graph .forms.raw { fill: var(--warn); font-weight: 600; }
.flow-graph .edge.blocked .wire { stroke: var(--bad); stroke-dasharray: 6 4; }
.flow-graph .edge.blocked .card { stroke: var(--bad); stroke-dasharray: 6 4; fill: #fef2f2; }
.flow-graph .edge.blocked .card-counts { fill: var(--bad); }
.flow-graph .edge:hover .wire { stroke: var(--int); stroke-width: 2.2; }
.flow-graph .edge:hover .card { stroke: var(--int); }
.flow-graph .empty { fill: var(--muted); font-size: 14px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
td.num, td.time, th.num, .badge, span.cls { white-space: nowrap; }
td.name { white-space: nowrap; }
td.time { font-size: 12px; }
tr.is-new td:first-child { box-shadow: inset 3px 0 #eab308; }
thead th { background: #f1f5f9; color: #334155; font-size: 12px; font-weight: 600;
  position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #fbfdff; }
tbody tr:hover { background: #f1f5f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.time { font-variant-numeric: tabular-nums; color: #334155; }
td.none { color: #cbd5e1; text-align: center; }
.matrix th[scope=row] { background: #fff; font-weight: 600; }
.matrix td { text-align: center; }
.muted { color: var(--muted); }
.empty { color: var(--muted); margin: 0; font-style: italic; }
.cls { display: inline-block; font-size: 12px; }
span.cls { background: #f1f5f9; border-radius: 4px; padding: 0 5px; margin: 1px 0; }
span.cls.identifier { background: #fee2e2; color: #991b1b; font-weight: 600; }
.badge { display: inline-block; border-radius: 999px; padding: 0 8px; font-size: 11.5px;
  font-weight: 600; line-height: 18px; border: 1px solid transparent; }
.decision-allowed { background: #dcfce7; color: #166534; }
.decision-blocked { background: #fee2e2; color: #991b1b; }
.decision-held { background: #fef3c7; color: #92400e; }
.decision-other { background: #e2e8f0; color: #334155; }
.form-raw { background: #ffedd5; color: #9a3412; }
.form-transformed { background: #e0e7ff; color: #3730a3; }
.form-gone { background: #f1f5f9; color: #475569; }
.badge.new { background: #fef9c3; color: #854d0e; }
tr.event-row td { background: #f8fafc; font-weight: 600; }
.toolbar { display: flex; gap: 12px; align-items: center; margin-bottom: 10px; }
#filter { flex: 0 1 440px; padding: 7px 10px; border: 1px solid #cbd5e1; border-radius: 8px;
  font: inherit; }
#filter:focus { outline: 2px solid #93c5fd; border-color: var(--int); }
table.sortable th[data-key] { cursor: pointer; user-select: none; }
table.sortable th[data-key]::after { content: " \2195"; color: #94a3b8; }
table.sortable th[aria-sort=ascending]::after { content: " \25B2"; color: var(--int); }
table.sortable th[aria-sort=descending]::after { content: " \25BC"; color: var(--int); }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 8px; }
@media print { .toolbar { display: none; } body { background: #fff; } }
)css";

const char kPageScript[] = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var table = document.getElementById('flow-table');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.querySelectorAll('tr.flow'));
  var headers = Array.prototype.slice.call(table.querySelectorAll('th[data-key]'));
  var filter = document.getElementById('filter');
  var shown = document.getElementById('filter-count');
  var current = { key: null, dir: 1 };

  function keyOf(tr, key, numeric) {
    var v = data.flows[Number(tr.getAttribute('data-i'))][key];
    return numeric ? Number(v) : String(v).toLowerCase();
  }

  function sortBy(th) {
    var key = th.getAttribute('data-key');
    var numeric = th.getAttribute('data-type') === 'num';
    current.dir = current.key === key ? -current.dir : 1;
    current.key = key;
    var dir = current.dir;
    rows.sort(function (a, b) {
      var x = keyOf(a, key, numeric), y = keyOf(b, key, numeric);
      if (x < y) return -dir;
      if (x > y) return dir;
      return Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (tr) { frag.appendChild(tr); });
    body.appendChild(frag);
    headers.forEach(function (h) {
      h.setAttribute('aria-sort', h === th ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }

  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (tr) {
      var hide = q !== '' && tr.textContent.toLowerCase().indexOf(q) < 0;
      tr.hidden = hide;
      if (!hide) n++;
    });
    shown.textContent = q === '' ? rows.length + ' rows' : n + ' of ' + rows.length + ' rows';
  }

  headers.forEach(function (th) {
    th.addEventListener('click', function () { sortBy(th); });
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(th); }
    });
  });
  filter.addEventListener('input', applyFilter);
  applyFilter();
})();
)js";

}  // namespace metagate::governance::map_render
