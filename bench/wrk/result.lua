-- Shared by the wrk scripts here: sums per-thread counters and prints one parseable line after
-- wrk's own report:
--   RESULT requests=N duration_s=S rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D non200=M
--          [COUNTER=K ...] socket_errors=E statuses=503:12,500:1
-- Each thread keeps `non200`, `statuses` (status -> count) and the named counters as globals.
-- Load it with: dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "result.lua")
function write_result(threads, summary, latency, counters)
  local non, by, extra = 0, {}, {}
  for _, name in ipairs(counters) do
    extra[name] = 0
  end
  for _, t in ipairs(threads) do
    non = non + (t:get("non200") or 0)
    for _, name in ipairs(counters) do
      extra[name] = extra[name] + (t:get(name) or 0)
    end
    local s = t:get("statuses") or {}
    for code, n in pairs(s) do
      by[code] = (by[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(by) do
    table.insert(parts, code .. ":" .. n)
  end
  table.sort(parts)
  local counted = ""
  for _, name in ipairs(counters) do
    counted = counted .. string.format("%s=%d ", name, extra[name])
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f " ..
    "max_ms=%.3f non200=%d %ssocket_errors=%d statuses=%s\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, non, counted,
    e.connect + e.read + e.write + e.timeout,
    #parts > 0 and table.concat(parts, ",") or "-"))
end
