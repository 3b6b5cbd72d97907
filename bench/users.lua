-- wrk script for GET /users/{id}: ids spread over the 1000 rows the workload creates (fixed seed).
math.randomseed(42)
local ids = 1000
request = function()
  return wrk.format("GET", "/users/" .. math.random(1, ids))
end
