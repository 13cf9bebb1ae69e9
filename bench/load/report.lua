-- wrk script of the load bench (bench/load-bench.ts). With an argument (`-- <file>`), each request
-- asks for `<path><id>` with an id drawn from that file (one a line); without, the URL's path.
-- At the end it prints one JSON line (prefixed `LOADBENCH `) with p50/p95/p99 in microseconds,
-- because wrk's own `--latency` table has no p95.
local threads = {}
local ids = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set('seed', #threads)
end

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do
      if line ~= '' then ids[#ids + 1] = line end
    end
    if #ids == 0 then error('no ids in ' .. args[1]) end
  end
  -- A fixed seed per thread: two runs ask for the same ids in the same order.
  math.randomseed(1000 + seed)
end

function request()
  if #ids == 0 then return wrk.request() end
  return wrk.format(nil, wrk.path .. ids[math.random(#ids)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'LOADBENCH {"requests":%d,"durationUs":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
