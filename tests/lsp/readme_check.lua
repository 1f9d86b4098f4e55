-- Runs the README's editor snippets as a user would (see tests/cli/lsp.sh).
-- README_CHECK=nvim07: Neovim was started with the README's Neovim 0.7 snippet as init.lua
-- and `cwlint` on PATH; opens two files of one app and waits for their diagnostics.
-- README_CHECK=vim: sources the README's makeprg/errorformat lines and reads cwlint's gcc
-- output (GCC_OUT) into the quickfix list.
-- Environment: LSP_APP (a copy of tests/lsp/app), LSP_RESULTS (ok/not ok lines).
local app = os.getenv("LSP_APP")
local out = assert(io.open(os.getenv("LSP_RESULTS"), "w"))
local failed = 0
local function check(name, cond, why)
  if cond then
    out:write("ok - " .. name .. "\n")
  else
    failed = failed + 1
    out:write("not ok - " .. name .. ": " .. tostring(why):gsub("\n", " ") .. "\n")
  end
end

local ok_run, err = pcall(function()
  if os.getenv("README_CHECK") == "nvim07" then
    vim.cmd("edit " .. vim.fn.fnameescape(app .. "/src/main.tsx"))
    local main = vim.api.nvim_get_current_buf()
    vim.wait(30000, function() return #vim.diagnostic.get(main) >= 4 end, 50)
    check("README Neovim 0.7 snippet: a TSX buffer gets diagnostics", #vim.diagnostic.get(main) >= 4,
      #vim.diagnostic.get(main))
    vim.cmd("edit " .. vim.fn.fnameescape(app .. "/.env.local"))
    local env = vim.api.nvim_get_current_buf()
    vim.wait(30000, function() return #vim.diagnostic.get(env) >= 1 end, 50)
    check("README Neovim 0.7 snippet: an env buffer gets diagnostics", #vim.diagnostic.get(env) >= 1,
      #vim.diagnostic.get(env))
    check("README Neovim 0.7 snippet: one server for the app", #vim.lsp.get_active_clients() == 1,
      #vim.lsp.get_active_clients())
    vim.lsp.stop_client(vim.lsp.get_active_clients())
    vim.wait(30000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  else
    vim.cmd("source " .. vim.fn.fnameescape(os.getenv("VIM_SNIPPET")))
    check("README Vim snippet: makeprg", vim.o.makeprg == "cwlint --format gcc", vim.o.makeprg)
    local lines = vim.fn.readfile(os.getenv("GCC_OUT"))
    vim.cmd("cgetfile " .. vim.fn.fnameescape(os.getenv("GCC_OUT")))
    local qf = vim.fn.getqflist()
    local valid, types, first = 0, {}, nil
    for _, e in ipairs(qf) do
      if e.valid == 1 then
        valid = valid + 1
        types[e.type:lower()] = true
        if not first and vim.fn.bufname(e.bufnr):match("main%.tsx$") then first = e end
      end
    end
    check("README Vim errorformat: every gcc line is a quickfix entry", valid == #lines and #lines > 0,
      valid .. " of " .. #lines)
    check("README Vim errorformat: errors and infos keep their type", types.e and types.i, vim.inspect(types))
    check("README Vim errorformat: file, line, column and message",
      first and first.lnum == 8 and first.col == 23 and first.text:match("%[hardcoded%-client%-id%]$"),
      first and vim.inspect({ first.lnum, first.col, first.text }))
  end
end)
if not ok_run then check("README snippet check ran through", false, err) end
out:close()
vim.cmd(failed == 0 and "qall!" or "cquit! 1")
