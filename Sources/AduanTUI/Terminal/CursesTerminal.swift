import AduanCore
import CNcursesw
import Glibc
import Synchronization

/// Why the screen could not start.
public enum TerminalError: Error, Equatable, Sendable {
    case notATerminal
    case noTerm
    case unknownTerm(String)
    case cannotAddressCursor(String)

    public func message(_ language: Language) -> String {
        let t = strings(language)
        switch self {
        case .notATerminal: return t.screen(.notATerminal)
        case .noTerm: return t.screen(.noTerm)
        case .unknownTerm(let term): return t.screen(.unknownTerm(term))
        case .cannotAddressCursor(let term): return t.screen(.cannotAddressCursor(term))
        }
    }
}

/// Set by SIGTERM/SIGHUP so the loop can end cleanly and restore the terminal.
let terminationRequested = Atomic<Bool>(false)

/// The only type in Aduan that talks to curses.
public final class CursesTerminal: Terminal {
    private var screen: OpaquePointer?
    private var active = false
    private let colors: Bool
    private var pairs: [Style: Int16] = [:]
    private var attributes: [Style: attr_t] = [:]

    /// Starts curses, or throws a `TerminalError` with nothing changed on the terminal.
    public init(theme: Theme, noColor: Bool) throws(TerminalError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        // A parent that blocked SIGWINCH would leave the desk blind to resizes.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGWINCH)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else { throw .noTerm }
        setlocale(LC_ALL, "")
        // Without a UTF-8 locale curses stops at the first non-ASCII character.
        if !String(cString: aduan_codeset()).lowercased().replacing("-", with: "").contains("utf8") {
            if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        }
        // newterm returns NULL for an unknown TERM, where initscr would exit the process.
        guard let s = newterm(nil, aduan_stdout(), aduan_stdin()) else { throw .unknownTerm(term) }
        screen = s
        set_term(s)
        guard aduan_can_address_cursor() != 0 else {
            endwin()
            delscreen(s)
            screen = nil
            throw .cannotAddressCursor(term)
        }
        active = true
        raw()
        noecho()
        nonl()
        keypad(aduan_stdscr(), true)
        // Home and End come as `\e[1~`/`\e[4~` from tmux and screen, `\e[H`/`\e[F` or `\eOH`/`\eOF`
        // from xterms, `\e[7~`/`\e[8~` from rxvt, whatever TERM's terminfo names: accept them all
        // (an unknown one would arrive as Esc and characters, and Esc cancels an editor).
        for (sequence, code) in [("\u{1B}[1~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME), ("\u{1B}[7~", KEY_HOME),
                                 ("\u{1B}[4~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END), ("\u{1B}[8~", KEY_END)] {
            _ = define_key(sequence, code)
        }
        set_escdelay(25)
        curs_set(0)
        colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
            var next: Int16 = 1
            for style in Style.allCases {
                guard let (fg, bg) = CursesTerminal.colorsFor(style, theme) else { continue }
                init_pair(next, fg, bg)
                pairs[style] = next
                next += 1
            }
        }
        for style in Style.allCases { attributes[style] = CursesTerminal.attributesFor(style, colors: colors) }
        installSignalHandlers()
    }

    deinit { restore() }

    static func colorNumber(_ name: String) -> Int16 {
        switch name {
        case "black": 0
        case "red": 1
        case "green": 2
        case "yellow": 3
        case "blue": 4
        case "magenta": 5
        case "cyan": 6
        case "white": 7
        default: -1
        }
    }

    static func colorsFor(_ style: Style, _ theme: Theme) -> (Int16, Int16)? {
        let key: String
        switch style {
        case .overdue, .error: key = "overdue"
        case .dueSoon: key = "dueSoon"
        case .onTime: key = "onTime"
        case .selected: key = "selected"
        case .header: key = "header"
        case .statusBar: key = "statusBar"
        case .badge, .tagged: key = "badge"
        case .dim: key = "dim"
        case .tab: key = "tab"
        case .tabActive: key = "selected"
        case .chart: key = "chart"
        case .input: key = "statusBar"
        case .normal, .bold: return nil
        }
        guard let (fg, bg) = theme.colors[key] else { return nil }
        return (colorNumber(fg), colorNumber(bg))
    }

    /// Attributes that carry meaning on their own, so monochrome and NO_COLOR screens still tell
    /// overdue from due soon and show the selection.
    static func attributesFor(_ style: Style, colors: Bool) -> attr_t {
        switch style {
        case .normal: return aduan_A_NORMAL
        case .selected: return colors ? aduan_A_NORMAL : aduan_A_REVERSE
        case .overdue: return aduan_A_BOLD
        case .dueSoon: return colors ? aduan_A_NORMAL : aduan_A_UNDERLINE
        case .onTime: return aduan_A_NORMAL
        case .header, .tabActive: return colors ? aduan_A_BOLD : aduan_A_REVERSE | aduan_A_BOLD
        case .statusBar, .input: return colors ? aduan_A_NORMAL : aduan_A_REVERSE
        case .badge, .bold, .error, .tagged: return aduan_A_BOLD
        case .dim: return colors ? aduan_A_NORMAL : aduan_A_DIM
        case .tab, .chart: return aduan_A_NORMAL
        }
    }

    public var isClosed: Bool { hungUp || terminationRequested.load(ordering: .relaxed) }

    /// Set once input is known to be gone; every later read returns `.hangup` at once.
    private var hungUp = false
    /// Reads that failed while poll said input was ready: end of input, not a timeout.
    private var failedReadsWithInput = 0

    /// After `wget_wch` returned ERR: a timeout (nothing to read), or a terminal that hung up?
    /// A hung-up terminal makes every read fail at once, so a loop that took ERR for "no key"
    /// would spin. poll reports POLLHUP/POLLERR/POLLNVAL for it, or POLLIN with reads that keep
    /// returning nothing (end of file, EIO); a single such read may be a race with new input.
    private func inputIsGone() -> Bool {
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        let n = poll(&p, 1, 0)
        if n < 0 { return errno != EINTR && errno != EAGAIN }
        if p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        if p.revents & Int16(POLLIN) != 0 {
            failedReadsWithInput += 1
            return failedReadsWithInput >= 3
        }
        failedReadsWithInput = 0
        return false
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(aduan_stdscr())), Int(getmaxy(aduan_stdscr())))
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        if hungUp || terminationRequested.load(ordering: .relaxed) { return .hangup }
        wtimeout(aduan_stdscr(), Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let rc = wget_wch(aduan_stdscr(), &ch)
        if rc == ERR {
            if terminationRequested.load(ordering: .relaxed) || inputIsGone() {
                hungUp = true
                return .hangup
            }
            return nil
        }
        failedReadsWithInput = 0
        if rc == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_BTAB: return .backTab
            case KEY_RESIZE: return .resize
            default:
                let code = Int32(ch)
                for n in 1...12 where aduan_key_f(Int32(n)) == code { return .function(n) }
                return .unknown(code)
            }
        }
        switch ch {
        case 0x0D, 0x0A: return .enter
        case 0x1B: return .escape
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x03: return .ctrl("c")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 0x60)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return .unknown(Int32(bitPattern: ch)) }
            return .char(Character(scalar))
        }
    }

    public func draw(_ grid: Grid) {
        guard active else { return }
        let win = aduan_stdscr()
        let (w, h) = size
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(256)
        for y in 0..<min(h, grid.height) {
            var x = 0
            while x < min(w, grid.width) {
                let style = grid[x, y].style
                let startX = x
                buffer.removeAll(keepingCapacity: true)
                while x < min(w, grid.width), grid[x, y].style == style {
                    for scalar in grid[x, y].text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
                    x += 1
                }
                buffer.append(0)
                _ = buffer.withUnsafeBufferPointer { p in
                    aduan_put(Int32(y), Int32(startX), p.baseAddress, attributes[style] ?? aduan_A_NORMAL, pairs[style] ?? 0)
                }
            }
        }
        wnoutrefresh(win)
        doupdate()
    }

    public func restore() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
        if let s = screen { delscreen(s) }
        screen = nil
    }

    private func installSignalHandlers() {
        // The first SIGTERM/SIGHUP asks the loop to end (the key read returns `.hangup`); a
        // second one while the desk is still busy ends the process at once.
        for sig in [SIGTERM, SIGHUP] {
            signal(sig) { s in
                if terminationRequested.exchange(true, ordering: .relaxed) { _exit(128 + s) }
            }
        }
        // A crash must not leave the operator's terminal in raw mode.
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { s in
                endwin()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }
}
