/* png_decode IN.png OUT.raw: decodes a PNG with libpng, without any transformation, and writes
 * its 8-bit samples row by row (HWC) to OUT.raw. Prints "WIDTH HEIGHT CHANNELS" on stdout.
 * Exits 1 with a message on stderr when libpng reports an error or the PNG is not 8-bit.
 * Built by Tests/Interop/check_png.py: cc -O2 -o png_decode png_decode.c -lpng */
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static void fail(const char *message, const char *path) {
    fprintf(stderr, "png_decode: %s: %s\n", path, message);
    exit(1);
}

static void on_error(png_structp png, png_const_charp message) {
    fprintf(stderr, "png_decode: libpng error: %s\n", message);
    longjmp(png_jmpbuf(png), 1);
}

static void on_warning(png_structp png, png_const_charp message) {
    (void)png;
    fprintf(stderr, "png_decode: libpng warning: %s\n", message);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: png_decode IN.png OUT.raw\n");
        return 64;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) fail("cannot open", argv[1]);

    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) fail("cannot create libpng structs", argv[1]);
    if (setjmp(png_jmpbuf(png))) fail("decoding failed", argv[1]);

    png_init_io(png, in);
    /* Identity: no expansion, stripping or gamma; CRC errors stay errors (libpng's default). */
    png_read_png(png, info, PNG_TRANSFORM_IDENTITY, NULL);
    fclose(in);

    png_uint_32 width = png_get_image_width(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    int depth = png_get_bit_depth(png, info);
    int channels = png_get_channels(png, info);
    int interlace = png_get_interlace_type(png, info);
    if (depth != 8) fail("not an 8-bit PNG", argv[1]);
    if (interlace != PNG_INTERLACE_NONE) fail("interlaced", argv[1]);

    FILE *out = fopen(argv[2], "wb");
    if (!out) fail("cannot create", argv[2]);
    png_bytepp rows = png_get_rows(png, info);
    size_t row_bytes = (size_t)width * (size_t)channels;
    for (png_uint_32 y = 0; y < height; y++) {
        if (fwrite(rows[y], 1, row_bytes, out) != row_bytes) fail("write failed", argv[2]);
    }
    if (fclose(out) != 0) fail("write failed", argv[2]);
    png_destroy_read_struct(&png, &info, NULL);
    printf("%u %u %d\n", (unsigned)width, (unsigned)height, channels);
    return 0;
}
