/// Keys as an xterm sends them once the screen has switched the keypad to application mode
/// (ncurses does, and xterm-256color's terminfo names these sequences; `infocmp xterm-256color`).
/// The bindings come from Sources/AduanTUI/KeyMap.swift.
enum Keys {
    static let down = "\u{1B}OB"
    static let up = "\u{1B}OA"
    static let pageDown = "\u{1B}[6~"
    static let pageUp = "\u{1B}[5~"
    static let home = "\u{1B}OH"      // .first
    static let end = "\u{1B}OF"       // .last
    static let enter = "\r"           // .open, and "done" in prompts
    static let back = "q"             // .back: closes the detail, clears a filter or search
    static let quit = "Q"             // .quit, no confirmation
    static let inbox = "1", deadlines = "3", dashboard = "4"
    static let limit = "l"            // filter prompt
    static let search = "/"
    static let note = "m"             // internal note: a text editor, Ctrl-S saves
    static let save = "\u{13}"        // Ctrl-S
}
