-- Waits until the buffer has a diagnostic from fearless and one from clangd (or a minute
-- passes), writes every diagnostic as JSON to FEARLESS_NVIM_OUT, and quits.
local out = assert(os.getenv("FEARLESS_NVIM_OUT"), "FEARLESS_NVIM_OUT is not set")

local function sources()
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    seen[d.source or "?"] = true
  end
  return seen
end

vim.wait(60000, function()
  local seen = sources()
  return seen["fearless"] and seen["clang"]
end, 100)

local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(found, {
    source = d.source, message = d.message, lnum = d.lnum, col = d.col,
    severity = d.severity, code = d.code or lsp.code,
  })
end
local file = assert(io.open(out, "w"))
file:write(vim.fn.json_encode({ diagnostics = found }))
file:close()
vim.cmd("qall!")
