#ifndef BACKCHANNEL_CLIBXML2_SHIM_H
#define BACKCHANNEL_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its headers then pull in ICU headers that
// clash with Foundation's copy. Backchannel decodes bytes itself and hands
// libxml2 UTF-8 only, so ICU is never needed here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <strings.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
