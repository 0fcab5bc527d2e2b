// SQLite from Debian's libsqlite3-dev. SQLITE_TRANSIENT is a macro casting -1 to a function
// pointer, which Swift cannot import, so it is returned by a static inline function.
#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H

#include <sqlite3.h>

/// The destructor that makes SQLite copy bound text and blobs before the call returns.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
