-- wrk script for scripts/bench_gateway.sh: POSTs one fixed Segment /v1/batch body (the file
-- named by WRK_BODY) with a bearer token (WRK_TOKEN) over keep-alive connections, to the path
-- given by WRK_PATH. Counts answers that are not 200 by status, and prints one parseable line:
--   RESULT requests=N duration_s=S rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D non200=M
--          socket_errors=E statuses=503:12,500:1
-- (on one line) after wrk's own report.
local body_file = assert(os.getenv("WRK_BODY"), "WRK_BODY: path of the request body")
local f = assert(io.open(body_file, "rb"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.path = os.getenv("WRK_PATH") or "/v1/batch"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("WRK_TOKEN") or "")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  statuses = {}
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local non, by = 0, {}
  for _, t in ipairs(threads) do
    non = non + (t:get("non200") or 0)
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
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non200=%d socket_errors=%d statuses=%s\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, non,
    e.connect + e.read + e.write + e.timeout,
    #parts > 0 and table.concat(parts, ",") or "-"))
end
