// zlib from Debian's zlib1g-dev. deflateInit2 is a macro, which Swift cannot import,
// so it is forwarded through a static inline function.
#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H

#include <zlib.h>

static inline int czlib_deflate_init2(z_streamp stream, int level, int method, int window_bits,
                                      int mem_level, int strategy) {
    return deflateInit2(stream, level, method, window_bits, mem_level, strategy);
}

static inline int czlib_inflate_init(z_streamp stream) {
    return inflateInit(stream);
}

#endif
