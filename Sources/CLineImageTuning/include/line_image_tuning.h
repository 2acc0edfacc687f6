#ifndef QUIRE_LINE_IMAGE_TUNING_H
#define QUIRE_LINE_IMAGE_TUNING_H

/* Whether Tesseract's internal PNG round trip of line images runs store-only in this process:
 * 1 when this library's png_set_compression_level is the one the dynamic linker resolves and
 * QUIRE_LINE_IMAGE_PNG is not "default"; 0 otherwise. */
int quire_line_image_tuning_active(void);

#endif
