-- wrk script for bench/pipeline: POSTs pre-signed X webhook bodies, one
-- tweet each, in file order (one "<signature>\t<body>" per line), each once.
local lines = {}
local n = 0

function init(args)
  for line in io.lines(os.getenv("SUNWAI_BENCH_BODIES")) do
    n = n + 1
    lines[n] = line
  end
  -- each thread takes every k-th line, starting at its own offset
  local threads = tonumber(os.getenv("SUNWAI_BENCH_THREADS") or "1")
  -- id: set by setup() below, before init runs in the thread
  step = threads
  at = (id or 0) + 1
end

function setup(thread)
  setup_count = (setup_count or 0)
  thread:set("id", setup_count)
  setup_count = setup_count + 1
end

function request()
  local line = lines[at]
  if line == nil then
    -- out of bodies: ask for something cheap and harmless
    return wrk.format("GET", "/healthz")
  end
  at = at + step
  local tab = string.find(line, "\t")
  local sig = string.sub(line, 1, tab - 1)
  local body = string.sub(line, tab + 1)
  return wrk.format("POST", "/webhooks/x", {
    ["Content-Type"] = "application/json",
    ["X-Twitter-Webhooks-Signature"] = sig,
  }, body)
end
