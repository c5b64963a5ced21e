/* `fearless lsp [--wrap=CLANGD]`: a language server on stdio. Alone it publishes
 * fearless's diagnostics; with --wrap it runs clangd behind it, passes every message
 * through untouched and merges both servers' diagnostics for each document. */
#ifndef FEARLESS_LSP_H
#define FEARLESS_LSP_H

/* argv[0] is "lsp". Returns the process exit status (0 after shutdown + exit). */
int lsp_main(int argc, char **argv);

#endif
