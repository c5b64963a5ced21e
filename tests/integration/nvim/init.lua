-- Neovim set up for clangd alone, the way a user would, except that the command is
-- `fearless lsp --wrap=clangd`: both servers' diagnostics must reach the editor.
-- Environment: FEARLESS (the binary), FEARLESS_CLANGD (clangd to wrap).
local fearless = assert(os.getenv("FEARLESS"), "FEARLESS is not set")
local clangd = os.getenv("FEARLESS_CLANGD") or "clangd-19"

vim.api.nvim_create_autocmd("FileType", {
  pattern = "c",
  callback = function(args)
    local client = vim.lsp.start_client({
      name = "clangd",
      cmd = { fearless, "lsp", "--wrap=" .. clangd, "--", "--background-index=false" },
      root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, client)
  end,
})
