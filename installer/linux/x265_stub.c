/* Stand-in for libx265 in the Linux bundle (see installer/pdorganizer.spec).
 *
 * pillow-heif's libheif links the x265 HEVC *encoder* (20 MB) although pdorganizer only
 * ever reads HEIC (decoding is libde265's job) and never writes it. libheif uses exactly
 * these two functions; with the stub, asking libheif to encode HEVC fails cleanly with
 * "no encoder" instead of encoding. */
#include <stddef.h>

const void *x265_api_get_217(int bit_depth) {
    (void)bit_depth;
    return NULL;
}

void x265_cleanup(void) {}
