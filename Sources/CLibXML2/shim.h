#pragma once
// Debian's libxml2 is built with ICU; its headers would pull in the system ICU, which clashes
// with the copy inside Swift's Foundation. Quire never uses libxml2's ICU encoders directly
// (only pointers to xmlCharEncodingHandler, never its fields), so the ICU part is hidden here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>

/// Swift 6 cannot call libxml2's `xmlFree` global function pointer directly; this wrapper can.
static inline void quire_xmlFree(void *ptr) { xmlFree(ptr); }
