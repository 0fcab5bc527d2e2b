#include "CCRC32C.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#define CCRC32C_POLY 0x82F63B78u

// Slicing-by-8: table[k][b] is the CRC contribution of byte b followed by k zero bytes.
static uint32_t ccrc32c_table[8][256];
static pthread_once_t ccrc32c_table_once = PTHREAD_ONCE_INIT;

static void ccrc32c_build_table(void) {
    for (uint32_t b = 0; b < 256; b++) {
        uint32_t crc = b;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc >> 1) ^ ((crc & 1u) ? CCRC32C_POLY : 0u);
        }
        ccrc32c_table[0][b] = crc;
    }
    for (uint32_t b = 0; b < 256; b++) {
        for (int k = 1; k < 8; k++) {
            uint32_t prev = ccrc32c_table[k - 1][b];
            ccrc32c_table[k][b] = (prev >> 8) ^ ccrc32c_table[0][prev & 0xFFu];
        }
    }
}

static inline uint64_t ccrc32c_load_le64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

uint32_t ccrc32c_extend_portable(uint32_t crc, const void *data, size_t length) {
    pthread_once(&ccrc32c_table_once, ccrc32c_build_table);
    const uint8_t *p = (const uint8_t *)data;
    uint32_t c = ~crc;
    while (length > 0 && ((uintptr_t)p & 7u) != 0) {
        c = (c >> 8) ^ ccrc32c_table[0][(c ^ *p++) & 0xFFu];
        length--;
    }
    while (length >= 8) {
        uint64_t word = ccrc32c_load_le64(p) ^ c;
        c = ccrc32c_table[7][word & 0xFFu] ^ ccrc32c_table[6][(word >> 8) & 0xFFu] ^
            ccrc32c_table[5][(word >> 16) & 0xFFu] ^ ccrc32c_table[4][(word >> 24) & 0xFFu] ^
            ccrc32c_table[3][(word >> 32) & 0xFFu] ^ ccrc32c_table[2][(word >> 40) & 0xFFu] ^
            ccrc32c_table[1][(word >> 48) & 0xFFu] ^ ccrc32c_table[0][word >> 56];
        p += 8;
        length -= 8;
    }
    while (length > 0) {
        c = (c >> 8) ^ ccrc32c_table[0][(c ^ *p++) & 0xFFu];
        length--;
    }
    return ~c;
}

#if defined(__x86_64__) || defined(__i386__)

#include <nmmintrin.h>

// Compiled for SSE4.2 by attribute, so the rest of the file (and the package) needs no
// special flags; it only runs after the CPU check below.
__attribute__((target("sse4.2"))) static uint32_t ccrc32c_sse42(uint32_t crc, const uint8_t *p,
                                                                 size_t length) {
    uint32_t c = ~crc;
    // No alignment prologue: unaligned 8-byte loads cost nothing extra on x86, and records are
    // short enough that the prologue's byte steps used to dominate.
#if defined(__x86_64__)
    uint64_t c64 = c;
    // Unrolled only to cut loop overhead: each crc32 still waits for the previous one.
    while (length >= 32) {
        c64 = _mm_crc32_u64(c64, ccrc32c_load_le64(p));
        c64 = _mm_crc32_u64(c64, ccrc32c_load_le64(p + 8));
        c64 = _mm_crc32_u64(c64, ccrc32c_load_le64(p + 16));
        c64 = _mm_crc32_u64(c64, ccrc32c_load_le64(p + 24));
        p += 32;
        length -= 32;
    }
    while (length >= 8) {
        c64 = _mm_crc32_u64(c64, ccrc32c_load_le64(p));
        p += 8;
        length -= 8;
    }
    c = (uint32_t)c64;
    // At most 7 bytes are left: one step each for 4, 2 and 1 (records are short, so the tail
    // is a large share of the work).
    if (length & 4) {
        uint32_t w;
        memcpy(&w, p, sizeof w);
        c = _mm_crc32_u32(c, w);
        p += 4;
    }
    if (length & 2) {
        uint16_t h;
        memcpy(&h, p, sizeof h);
        c = _mm_crc32_u16(c, h);
        p += 2;
    }
    if (length & 1) {
        c = _mm_crc32_u8(c, *p);
    }
#else
    while (length >= 4) {
        uint32_t w;
        memcpy(&w, p, sizeof w);
        c = _mm_crc32_u32(c, w);
        p += 4;
        length -= 4;
    }
    while (length > 0) {
        c = _mm_crc32_u8(c, *p++);
        length--;
    }
#endif
    return ~c;
}

static atomic_int ccrc32c_hw_state = 0; // 0: not checked yet, 1: absent, 2: present

int ccrc32c_hardware_available(void) {
    int state = atomic_load_explicit(&ccrc32c_hw_state, memory_order_relaxed);
    if (state == 0) {
        __builtin_cpu_init();
        state = __builtin_cpu_supports("sse4.2") ? 2 : 1;
        atomic_store_explicit(&ccrc32c_hw_state, state, memory_order_relaxed);
    }
    return state == 2;
}

uint32_t ccrc32c_extend_hardware(uint32_t crc, const void *data, size_t length) {
    if (!ccrc32c_hardware_available()) {
        return ccrc32c_extend_portable(crc, data, length);
    }
    return ccrc32c_sse42(crc, (const uint8_t *)data, length);
}

uint32_t ccrc32c_extend(uint32_t crc, const void *data, size_t length) {
    if (ccrc32c_hardware_available()) {
        return ccrc32c_sse42(crc, (const uint8_t *)data, length);
    }
    return ccrc32c_extend_portable(crc, data, length);
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) static uint32_t ccrc32c_sse42_u64(uint64_t value) {
    return ~(uint32_t)_mm_crc32_u64(0xFFFFFFFFu, value);
}
#endif

uint32_t ccrc32c_of_u64le(uint64_t value) {
#if defined(__x86_64__)
    if (ccrc32c_hardware_available()) {
        return ccrc32c_sse42_u64(value);
    }
#endif
    uint8_t bytes[8];
    for (int i = 0; i < 8; i++) {
        bytes[i] = (uint8_t)(value >> (8 * i));
    }
    return ccrc32c_extend_portable(0, bytes, 8);
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) static uint64_t ccrc32c_sse42_u64_and_data(uint64_t value, const uint8_t *p,
                                                                            size_t length) {
    return (uint64_t)ccrc32c_sse42_u64(value) << 32 | ccrc32c_sse42(0, p, length);
}
#endif

uint64_t ccrc32c_of_u64le_and_data(uint64_t value, const void *data, size_t length) {
#if defined(__x86_64__)
    if (ccrc32c_hardware_available()) {
        return ccrc32c_sse42_u64_and_data(value, (const uint8_t *)data, length);
    }
#endif
    return (uint64_t)ccrc32c_of_u64le(value) << 32 | ccrc32c_extend_portable(0, data, length);
}

#else

uint32_t ccrc32c_of_u64le(uint64_t value) {
    uint8_t bytes[8];
    for (int i = 0; i < 8; i++) {
        bytes[i] = (uint8_t)(value >> (8 * i));
    }
    return ccrc32c_extend_portable(0, bytes, 8);
}

uint64_t ccrc32c_of_u64le_and_data(uint64_t value, const void *data, size_t length) {
    return (uint64_t)ccrc32c_of_u64le(value) << 32 | ccrc32c_extend_portable(0, data, length);
}


int ccrc32c_hardware_available(void) { return 0; }

uint32_t ccrc32c_extend_hardware(uint32_t crc, const void *data, size_t length) {
    return ccrc32c_extend_portable(crc, data, length);
}

uint32_t ccrc32c_extend(uint32_t crc, const void *data, size_t length) {
    return ccrc32c_extend_portable(crc, data, length);
}

#endif
