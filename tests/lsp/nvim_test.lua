-- Neovim's built-in LSP client against `cwlint --lsp` (written for Neovim 0.7, Debian 12's:
-- vim.lsp.start_client + buf_attach_client; vim.lsp.start came in 0.8).
-- Environment: CWLINT_BIN (the binary), LSP_APP (a fresh copy of tests/lsp/app),
-- LSP_ERR (file for the server's stderr), LSP_RESULTS (where the ok/not ok lines go).
-- Opens src/main.tsx, waits for diagnostics, checks rule ids and ranges, applies ignore
-- code actions through vim.lsp.buf.code_action(), checks the buffer and the re-lint, stops
-- the server and checks its exit status. Exits non-zero on any failure.

local bin = os.getenv("CWLINT_BIN")
local app = os.getenv("LSP_APP")
local errfile = os.getenv("LSP_ERR")
local out = assert(io.open(os.getenv("LSP_RESULTS"), "w"))
local WAIT = 30000
local failed = 0

local function ok(name) out:write("ok - nvim: " .. name .. "\n") end
local function fail(name, why)
  failed = failed + 1
  out:write("not ok - nvim: " .. name .. ": " .. tostring(why):gsub("\n", " ") .. "\n")
end
local function check(name, cond, why)
  if cond then ok(name) else fail(name, why == nil and "false" or why) end
end

local function finish()
  out:close()
  vim.cmd((failed == 0 and "qall!" or "cquit! 1"))
end

local ok_run, err = pcall(function()
  local file = app .. "/src/main.tsx"
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()

  local exit_code
  local client_id = vim.lsp.start_client({
    name = "cwlint",
    -- the server's stderr goes to a file the test reads: it must stay empty
    cmd = { "sh", "-c", 'exec "$0" --lsp 2>>"$1"', bin, errfile },
    root_dir = app,
    on_exit = function(code) exit_code = code end,
  })
  check("start_client", client_id ~= nil, "no client id")
  vim.lsp.buf_attach_client(buf, client_id)

  local function diags() return vim.diagnostic.get(buf) end
  local function find(code, lnum)
    for _, d in ipairs(diags()) do
      if d.code == code and (lnum == nil or d.lnum == lnum) then return d end
    end
  end
  local function line(n) return vim.api.nvim_buf_get_lines(buf, n - 1, n, false)[1] end

  vim.wait(WAIT, function() return #diags() >= 4 end, 50)
  local ids = {}
  for _, d in ipairs(diags()) do table.insert(ids, d.code) end
  table.sort(ids)
  local got = table.concat(ids, ",")
  check("diagnostics arrive with their rule ids",
    got == "convex-provider-without-auth,hardcoded-client-id,hardcoded-client-id,secret-in-source", got)

  local a = find("hardcoded-client-id", 7)
  check("range on an ASCII line", a and a.col == 22 and a.end_lnum == 7 and a.end_col == 55,
    a and vim.inspect({ a.lnum, a.col, a.end_lnum, a.end_col }))
  -- the client turns UTF-16 positions into byte columns: é is 2 bytes, the emoji 4
  local b = find("hardcoded-client-id", 8)
  check("range after non-ASCII and astral characters (byte columns)", b and b.col == 47 and b.end_col == 80,
    b and vim.inspect({ b.lnum, b.col, b.end_lnum, b.end_col }))
  check("severity, source and help text", a and a.severity == vim.diagnostic.severity.ERROR and a.source == "cwlint"
    and a.message:find("\nhelp: ", 1, true) ~= nil, a and vim.inspect(a))

  -- picks the code action whose title starts with want, as a user would in the menu
  local offered
  local function pick(want)
    offered = {}
    vim.ui.select = function(items, opts, on_choice)
      for _, item in ipairs(items) do
        local title = opts.format_item and opts.format_item(item) or item[2].title
        table.insert(offered, title)
        if title:sub(1, #want) == want then return on_choice(item) end
      end
      on_choice(nil)
    end
  end

  -- line 14 is <ConvexProvider> among JSX children: the comment must be {/* */}
  vim.api.nvim_win_set_cursor(0, { 14, 6 })
  pick("Ignore convex-provider-without-auth here")
  vim.lsp.buf.code_action()
  local want = "    {/* cwlint-ignore convex-provider-without-auth: TODO explain why */}"
  vim.wait(WAIT, function() return line(14) == want end, 50)
  check("ignore action in JSX children edits the buffer", line(14) == want,
    vim.inspect({ line(14), offered }))
  check("the element moved down one line", line(15) == "    <ConvexProvider client={convex}>", line(15))
  vim.wait(WAIT, function() return #diags() > 0 and not find("convex-provider-without-auth") end, 50)
  check("the re-lint after the edit silences the rule", #diags() > 0 and not find("convex-provider-without-auth"),
    vim.inspect(vim.tbl_map(function(d) return d.code end, diags())))

  -- line 9 has the astral character: the comment goes above it with its indentation
  vim.api.nvim_win_set_cursor(0, { 9, 50 })
  pick("Ignore hardcoded-client-id here")
  vim.lsp.buf.code_action()
  want = "// cwlint-ignore hardcoded-client-id: TODO explain why"
  vim.wait(WAIT, function() return line(9) == want end, 50)
  check("ignore action on the non-ASCII line edits the buffer", line(9) == want, vim.inspect({ line(9), offered }))
  vim.wait(WAIT, function() return #diags() > 0 and not find("hardcoded-client-id", 9) end, 50)
  check("the re-lint silences that finding and keeps the other one",
    not find("hardcoded-client-id", 9) and find("hardcoded-client-id", 7) ~= nil,
    vim.inspect(vim.tbl_map(function(d) return { d.code, d.lnum } end, diags())))
  local placeholder_only, placeholders = true, 0
  for _, d in ipairs(diags()) do
    if d.code == "invalid-suppression" then
      placeholders = placeholders + 1
      if not d.message:find("placeholder reason", 1, true) then placeholder_only = false end
    end
  end
  check("the inserted comments are used, and reported only for their placeholder reason",
    placeholder_only and placeholders > 0 and not find("unused-suppression"),
    vim.inspect(vim.tbl_map(function(d) return d.code end, diags())))

  -- the auth config's misspelled key has a safe fix: the preferred action, applied in place
  vim.cmd("edit " .. vim.fn.fnameescape(app .. "/convex/auth.config.ts"))
  local cfg = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(cfg, client_id)
  local function cfg_find(code)
    for _, d in ipairs(vim.diagnostic.get(cfg)) do
      if d.code == code then return d end
    end
  end
  vim.wait(WAIT, function() return cfg_find("misspelled-provider-key") ~= nil end, 50)
  local mk = cfg_find("misspelled-provider-key")
  -- after "/* 🔑 */": 14 code points, 17 bytes
  check("the auth config's finding (byte columns after an astral character)",
    mk and mk.lnum == 11 and mk.col == 17 and mk.end_col == 30, mk and vim.inspect({ mk.lnum, mk.col, mk.end_col }))
  vim.api.nvim_win_set_cursor(0, { 12, 20 })
  pick("Fix misspelled-provider-key: rename")
  vim.lsp.buf.code_action()
  want = "      /* \240\159\148\145 */ applicationID: clientId,"
  local function cline(n) return vim.api.nvim_buf_get_lines(cfg, n - 1, n, false)[1] end
  vim.wait(WAIT, function() return cline(12) == want end, 50)
  check("the fix action is offered first and edits the buffer", cline(12) == want and offered[1] and
    offered[1]:find("^Fix misspelled%-provider%-key") ~= nil, vim.inspect({ cline(12), offered }))
  vim.wait(WAIT, function() return #vim.diagnostic.get(cfg) == 0 end, 50)
  check("the re-lint after the fix has no finding left", #vim.diagnostic.get(cfg) == 0,
    vim.inspect(vim.tbl_map(function(d) return d.code end, vim.diagnostic.get(cfg))))

  vim.lsp.stop_client(client_id)
  vim.wait(WAIT, function() return exit_code ~= nil end, 50)
  check("the server exits with status 0 after shutdown and exit", exit_code == 0, tostring(exit_code))
  local f = io.open(errfile, "r")
  local errtext = f and f:read("*a") or ""
  if f then f:close() end
  check("the server wrote nothing on stderr", errtext == "", errtext:sub(1, 400))
end)
if not ok_run then fail("the test script ran through", err) end
finish()
