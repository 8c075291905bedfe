#ifndef ADUAN_CXLSXWRITER_SHIM_H
#define ADUAN_CXLSXWRITER_SHIM_H
// libxlsxwriter (Debian: libxlsxwriter-dev, 1.1.4): writes .xlsx workbooks, row by row in
// constant-memory mode. Only the AduanWorkbook module imports it.
#include <xlsxwriter.h>
#endif
