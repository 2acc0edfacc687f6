/* Store-only PNG for Tesseract's line images.
 *
 * Tesseract 5.3 as packaged by Debian (built without TESSERACT_IMAGEDATA_AS_PIX) keeps every
 * text line's image in an ImageData as PNG bytes: pixWriteMem(IFF_PNG) when the line is cut,
 * pixReadMem when it is fed to the LSTM. The compression is pure overhead (upstream says so in
 * tesseract-ocr/tesseract#2965) and costs about a quarter of recognition time. Leptonica sets
 * the level through png_set_compression_level on every PNG it writes; this definition, exported
 * from the quire executable, comes first in symbol resolution and asks libpng for no compression
 * and no row filter instead. PNG is lossless either way, so the recognised text is identical;
 * QUIRE_LINE_IMAGE_PNG=default restores libpng's own choice.
 *
 * Quire itself writes no PNG files; Tesseract's line images are the only PNGs written in the
 * process. */
#define _GNU_SOURCE
#include "line_image_tuning.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

typedef struct png_struct_def png_struct;
typedef void (*set_level_fn)(png_struct *, int);
typedef void (*set_filter_fn)(png_struct *, int, int);

enum { PNG_FILTER_NONE_MASK = 0x08 };

static int tuning_disabled(void) {
  static int state = -1; /* -1 unknown, 0 enabled, 1 disabled; racing initialisers agree */
  if (__atomic_load_n(&state, __ATOMIC_RELAXED) < 0) {
    const char *value = getenv("QUIRE_LINE_IMAGE_PNG");
    __atomic_store_n(&state, value != NULL && strcmp(value, "default") == 0, __ATOMIC_RELAXED);
  }
  return __atomic_load_n(&state, __ATOMIC_RELAXED);
}

__attribute__((visibility("default"))) void png_set_compression_level(png_struct *png, int level) {
  set_level_fn real = (set_level_fn)dlsym(RTLD_NEXT, "png_set_compression_level");
  if (real == NULL) return;
  if (tuning_disabled()) {
    real(png, level);
    return;
  }
  real(png, 0);
  set_filter_fn filter = (set_filter_fn)dlsym(RTLD_NEXT, "png_set_filter");
  if (filter != NULL) filter(png, 0, PNG_FILTER_NONE_MASK);
}

int quire_line_image_tuning_active(void) {
  void *resolved = dlsym(RTLD_DEFAULT, "png_set_compression_level");
  return resolved == (void *)&png_set_compression_level && !tuning_disabled();
}
