/* fearless: the command-line entry point. `fearless lsp ...` is the language server;
 * everything else is the driver (driver/driver.c). */
#include <string.h>

#include "driver/driver.h"
#if __has_include("lsp/lsp.h")
#include "lsp/lsp.h"
#define FEARLESS_HAS_LSP 1
#endif

int main(int argc, char **argv)
{
#ifdef FEARLESS_HAS_LSP
    if (argc > 1 && strcmp(argv[1], "lsp") == 0)
        return lsp_main(argc - 1, argv + 1);
#endif
    return driver_main(argc, argv);
}
