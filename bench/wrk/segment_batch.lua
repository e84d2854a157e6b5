-- wrk script for scripts/bench_gateway.sh: POSTs one fixed Segment /v1/batch body (the file
-- named by WRK_BODY) with a bearer token (WRK_TOKEN) over keep-alive connections, to the path
-- given by WRK_PATH. Counts answers that are not 200 by status, and prints one parseable line:
--   RESULT requests=N duration_s=S rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D non200=M
--          socket_errors=E statuses=503:12,500:1
-- (on one line) after wrk's own report.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "result.lua")
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
  write_result(threads, summary, latency, {})
end
