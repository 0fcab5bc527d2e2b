// CRC32C (Castagnoli, reflected polynomial 0x82F63B78) with an SSE4.2 path chosen at run time
// and a portable slicing-by-8 path. `crc` is the CRC of the bytes before `data` (0 to start):
// ccrc32c_extend(ccrc32c_extend(0, a, n), b, m) == CRC32C of a followed by b.
#ifndef CCRC32C_H
#define CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// The fastest available implementation.
uint32_t ccrc32c_extend(uint32_t crc, const void *data, size_t length);

/// The table-driven slicing-by-8 implementation, available everywhere.
uint32_t ccrc32c_extend_portable(uint32_t crc, const void *data, size_t length);

/// The SSE4.2 `crc32` instruction path. Call only when ccrc32c_hardware_available() is 1;
/// otherwise it falls back to the portable path.
uint32_t ccrc32c_extend_hardware(uint32_t crc, const void *data, size_t length);

/// The CRC32C of the 8 little-endian bytes of `value` (a TFRecord length field), in one
/// instruction when the CPU has it.
uint32_t ccrc32c_of_u64le(uint64_t value);

/// ccrc32c_of_u64le(value) in the upper 32 bits and ccrc32c_extend(0, data, length) in the
/// lower: a TFRecord's length field and payload checked in one call, for the reader's hot loop.
uint64_t ccrc32c_of_u64le_and_data(uint64_t value, const void *data, size_t length);

/// 1 when the CPU has the CRC32C instruction (checked once, at first use), else 0.
int ccrc32c_hardware_available(void);

#endif
