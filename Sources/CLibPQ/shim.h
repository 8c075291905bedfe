#ifndef ADUAN_CLIBPQ_SHIM_H
#define ADUAN_CLIBPQ_SHIM_H
#include <libpq-fe.h>

/* PG_DIAG_* are char-literal macros, which Swift does not import: re-export the ones Aduan reads. */
static const int ADUAN_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int ADUAN_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int ADUAN_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
static const int ADUAN_PG_DIAG_TABLE_NAME = PG_DIAG_TABLE_NAME;
static const int ADUAN_PG_DIAG_CONSTRAINT_NAME = PG_DIAG_CONSTRAINT_NAME;
#endif
