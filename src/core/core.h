/*
 * core.h -- the one header the front ends include: a map of the core.
 *
 *   error.h    enum ph_status, struct ph_error
 *   util.h     memory, buffers, string vectors, ids, file reads
 *   viet.h     UTF-8, NFC, Vietnamese case mapping, display width
 *   date.h     dates in and out, "now" (PHOIHOP_NOW)
 *   docno.h    document numbers and type codes
 *   letter.h   the model and its keyword tables
 *   store.h    the SQLite file: every read and write
 *   demo.h     the demo register
 *   paths.h    where the database, config and data files are
 *
 * The core never prints, never exits and never includes curses; the
 * front ends never include sqlite3.h or pcre2.h.
 */
#ifndef PH_CORE_H
#define PH_CORE_H

#include "error.h"
#include "util.h"
#include "viet.h"
#include "date.h"
#include "docno.h"
#include "letter.h"
#include "store.h"
#include "demo.h"
#include "paths.h"

#endif
