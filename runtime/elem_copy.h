/* elem_copy.h (internal): copies one channel element. A memcpy with a runtime size is a
 * libc call per message; a constant size for the common element sizes lets the compiler
 * emit one or two moves instead. */
#ifndef FEARLESS_ELEM_COPY_H
#define FEARLESS_ELEM_COPY_H

#include <stddef.h>
#include <string.h>

static inline void elem_copy(void *dst, const void *src, size_t size) {
    switch (size) {
    case 4: memcpy(dst, src, 4); break;
    case 8: memcpy(dst, src, 8); break;
    case 16: memcpy(dst, src, 16); break;
    default: memcpy(dst, src, size); break;
    }
}

#endif
