-- wrk script for scripts/bench_pdp.sh: POSTs AuthZEN 1.0 Access Evaluation requests for the Todo
-- scenario (examples/authzen-todo) to WRK_PATH (default /access/v1/evaluation) over keep-alive
-- connections, with Content-Type application/json. By default every request is the same realistic
-- one: Morty (an editor) updating his own todo (`can_update_todo` with resource.properties.ownerID);
-- allowed. WRK_ROTATE=1 cycles through eight bodies (five users, all five actions, allows and
-- denies), each thread from a different start, so an answer cache keyed on one body cannot help.
-- Counts answers that are not 200 by status and 200s without a boolean "decision", and prints one
-- parseable line after wrk's own report (on one line):
--   RESULT requests=N duration_s=S rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D non200=M
--          no_decision=K socket_errors=E statuses=400:3
wrk.method = "POST"
wrk.path = os.getenv("WRK_PATH") or "/access/v1/evaluation"
wrk.headers["Content-Type"] = "application/json"

-- The users' PIDs (the opaque `sub` of their JWTs), as in examples/authzen-todo/entities.json.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "result.lua")
local rick = "CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs"   -- admin, evil_genius
local morty = "CiRmZDE2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs"  -- editor
local summer = "CiRmZDI2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs" -- editor
local beth = "CiRmZDM2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs"   -- viewer
local jerry = "CiRmZDQ2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs"  -- viewer

-- One evaluation body; `owner` (an email) becomes resource.properties.ownerID when given.
local function eval_body(pid, action, rtype, rid, owner)
  local props = ""
  if owner then
    props = string.format(',"properties":{"ownerID":"%s"}', owner)
  end
  return string.format(
    '{"subject":{"type":"user","id":"%s"},"action":{"name":"%s"},' ..
    '"resource":{"type":"%s","id":"%s"%s},"context":{}}',
    pid, action, rtype, rid, props)
end

-- The first is the fixed body. Expected decisions in the trailing comments (not checked here;
-- scripts/bench_pdp.sh checks every server against the interop decisions before loading it).
local bodies = {
  eval_body(morty, "can_update_todo", "todo", "7240d0db-8ff0-41ec-98b2-34a096273b91",
            "morty@the-citadel.com"),                                                -- true
  eval_body(morty, "can_update_todo", "todo", "7240d0db-8ff0-41ec-98b2-34a096273b92",
            "rick@the-citadel.com"),                                                 -- false
  eval_body(rick, "can_delete_todo", "todo", "7240d0db-8ff0-41ec-98b2-34a096273b93",
            "summer@the-smiths.com"),                                                -- true
  eval_body(summer, "can_create_todo", "todo", "todo-1"),                            -- true
  eval_body(jerry, "can_update_todo", "todo", "7240d0db-8ff0-41ec-98b2-34a096273b95",
            "jerry@the-smiths.com"),                                                 -- false
  eval_body(beth, "can_read_todos", "todo", "todo-1"),                               -- true
  eval_body(summer, "can_delete_todo", "todo", "7240d0db-8ff0-41ec-98b2-34a096273b94",
            "summer@the-smiths.com"),                                                -- true
  eval_body(rick, "can_read_user", "user", "morty@the-citadel.com"),                 -- true
}
if os.getenv("WRK_ROTATE") ~= "1" then
  bodies = { bodies[1] }
end
wrk.body = bodies[1]

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  no_decision = 0
  statuses = {}
  requests = {}
  for i, b in ipairs(bodies) do
    requests[i] = wrk.format(nil, nil, nil, b)
  end
  cursor = (id or 0) % #requests
end

function request()
  cursor = cursor % #requests + 1
  return requests[cursor]
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    statuses[status] = (statuses[status] or 0) + 1
  elseif not (body:find('"decision":%s*true') or body:find('"decision":%s*false')) then
    no_decision = no_decision + 1
  end
end

function done(summary, latency, requests)
  write_result(threads, summary, latency, {"no_decision"})
end
