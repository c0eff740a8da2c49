/*
 * intl.h -- the gettext macros.  Only main.c binds the domain and sets the
 * locale; everything else just marks strings.
 */
#ifndef PH_INTL_H
#define PH_INTL_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	(s)
#define ngettext(s, p, n)	((n) == 1 ? (s) : (p))
#endif
#define N_(s)	(s)

#endif
