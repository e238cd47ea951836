-- wrk script: POST a new complaint with a unique source id on every request.
-- setup runs in the main state; each thread gets its own number as the
-- global "thread_no" (a local of the same name would shadow it).
local next_thread = 0
function setup(thread)
   thread:set("thread_no", next_thread)
   next_thread = next_thread + 1
end

function init(args)
   token = args[1]
   run = args[2]
   n = 0
end

local texts = {
   "मेरी बाइक चोरी हो गई है, हजरतगंज लखनऊ, कृपया मदद करें",
   "Meri scooty chori ho gayi Aminabad market ke paas, thane me koi sun nahi raha",
   "My phone was snatched near Charbagh station at 9pm, please help",
   "पड़ोसी ने जमीन पर कब्जा कर लिया है, शिकायत दर्ज करें",
}

request = function()
   n = n + 1
   local body = string.format(
      '{"channel":"web","source_id":"bench-%s-%d-%d","text":"%s","author":{"id":"bench-%s-%d-%d"}}',
      run, thread_no, n, texts[(n % #texts) + 1], run, thread_no, n)
   return wrk.format("POST", "/v1/complaints",
                     {["Content-Type"] = "application/json",
                      ["Authorization"] = "Bearer " .. token}, body)
end
