#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

// libxml2 for the streaming XML readers, and zlib for gzip-transparent input.
// xmlversion.h comes first so that ICU can be switched off before encoding.h
// pulls in <unicode/ucnv.h>, whose types clash with Foundation's own ICU copy.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <zlib.h>

/// xmlFree is a global function pointer, which strict concurrency rejects; call it through here.
static inline void clibxml2_free(void *p) { xmlFree(p); }

/// The zlib version string, for run reports.
static inline const char *clibxml2_zlib_version(void) { return zlibVersion(); }

#endif
