/* Peer 3 of 'make bench': the limit of in-process OCR. One TessBaseAPI, initialised once and
 * reused for every page, single thread: SetImage + Recognize + GetUTF8Text, nothing else.
 * Page segmentation is PSM 3 (automatic), the tesseract CLI's default and Quire's, so that the
 * limit does the same job as the peers; the library's own default is PSM 6 (one block), which
 * skips most layout analysis.
 * Usage: limit LANG TESSDATA FILE...   (a FILE may be "path:N" for page N of a multi-page TIFF)
 * Prints the seconds spent on recognition (model loading excluded) on stdout. */
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: limit LANG TESSDATA FILE...\n"); return 2; }
  TessBaseAPI *api = TessBaseAPICreate();
  if (TessBaseAPIInit3(api, argv[2], argv[1]) != 0) { fprintf(stderr, "init failed\n"); return 1; }
  TessBaseAPISetPageSegMode(api, PSM_AUTO);
  double total = 0;
  for (int i = 3; i < argc; i++) {
    char path[4096];
    int page = 0;
    snprintf(path, sizeof path, "%s", argv[i]);
    char *colon = strrchr(path, ':');
    if (colon && colon[1] >= '0' && colon[1] <= '9') { *colon = 0; page = atoi(colon + 1); }
    PIX *pix = page > 0 || strstr(path, ".tif") ? pixReadTiff(path, page) : pixRead(path);
    if (!pix) pix = pixRead(path);
    if (!pix) { fprintf(stderr, "cannot read %s\n", argv[i]); continue; }
    double start = now();
    TessBaseAPISetImage2(api, pix);
    TessBaseAPIRecognize(api, NULL);
    char *text = TessBaseAPIGetUTF8Text(api);
    total += now() - start;
    TessDeleteText(text);
    pixDestroy(&pix);
  }
  printf("%.3f\n", total);
  TessBaseAPIEnd(api);
  TessBaseAPIDelete(api);
  return 0;
}
