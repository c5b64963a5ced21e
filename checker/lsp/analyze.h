/* One analysis of an editor buffer, converted to LSP diagnostics. */
#ifndef FEARLESS_LSP_ANALYZE_H
#define FEARLESS_LSP_ANALYZE_H

#include <stdbool.h>

#include <jansson.h>

#include "lsp/document.h"

/* The document's diagnostics as an LSP Diagnostic[] (source "fearless", code = check id,
 * notes as relatedInformation). Findings in other files (headers) are left out: the editor
 * shows them when it opens those. skip_compiler_errors: leave out clang-diagnostic-*
 * (behind clangd, which reports them already). */
json_t *analyze_document(const struct document *document, bool skip_compiler_errors,
                         enum position_encoding encoding);

/* The conversion alone (exposed for tests). `text` is the buffer of `path`. */
struct diagnostic;
json_t *diagnostic_to_lsp(const struct diagnostic *diag, const char *path, const char *text,
                          size_t length, enum position_encoding encoding);

#endif
