/* SHA-256 (FIPS 180-4): content keys for the result cache. Any other part that needs a
 * stable digest uses this one. */
#ifndef FEARLESS_DRIVER_SHA256_H
#define FEARLESS_DRIVER_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
    uint32_t state[8];
    uint64_t length;        /* bytes hashed so far */
    unsigned char block[64];
    size_t used;            /* bytes waiting in block */
};

void sha256_init(struct sha256 *hash);
void sha256_update(struct sha256 *hash, const void *data, size_t size);
/* Writes 64 lowercase hex digits and a NUL. */
void sha256_final_hex(struct sha256 *hash, char out[65]);

#endif
