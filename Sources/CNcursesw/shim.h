#ifndef ADUAN_CNCURSESW_SHIM_H
#define ADUAN_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift. Macros and mutable globals are not usable from
// Swift 6, so the few we need are wrapped here as inline functions and constants.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <unistd.h>
#include <stdio.h>
#include <curses.h>
#include <term.h>

static inline WINDOW *aduan_stdscr(void) { return stdscr; }
static inline int aduan_lines(void) { return LINES; }
static inline int aduan_cols(void) { return COLS; }
static inline int aduan_colors(void) { return COLORS; }
static inline int aduan_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *aduan_stdout(void) { return stdout; }
static inline FILE *aduan_stdin(void) { return stdin; }

static const attr_t aduan_A_NORMAL = A_NORMAL;
static const attr_t aduan_A_BOLD = A_BOLD;
static const attr_t aduan_A_REVERSE = A_REVERSE;
static const attr_t aduan_A_UNDERLINE = A_UNDERLINE;
static const attr_t aduan_A_DIM = A_DIM;
static const attr_t aduan_A_STANDOUT = A_STANDOUT;

static inline int aduan_key_f(int n) { return KEY_F(n); }

// Draw one string cell at (y, x) with attributes and a colour pair.
static inline int aduan_put(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    attr_set(attrs, pair, NULL);
    return mvaddwstr(y, x, text);
}

// TERM's cursor-addressing capability; NULL or (char*)-1 when the terminal cannot address the cursor.
static inline int aduan_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline const char *aduan_codeset(void) { return nl_langinfo(CODESET); }
#endif
