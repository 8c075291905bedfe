#ifndef ADUAN_CSQLITE_SHIM_H
#define ADUAN_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
