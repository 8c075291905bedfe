/// A key press, decoded by the terminal layer.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
    /// The terminal changed size; the new size is already known.
    case resize
    /// Something the program does not know (ignored, but it still counts as input).
    case unknown(Int32)
    /// The terminal is gone (SIGHUP, end of input, a read error) or the program was told to end
    /// (SIGTERM): whatever is open, the desk ends, saving nothing half-typed.
    case hangup

    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .unknown(let n): "key \(n)"
        case .hangup: "hangup"
        }
    }

    /// Parses names used in test key scripts: "j", "Enter", "Esc", "Ctrl-D", "PgDn", "Space", "F1".
    public static func named(_ name: String) -> Key? {
        switch name.lowercased() {
        case "enter", "return": return .enter
        case "esc", "escape": return .escape
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "home": return .home
        case "end": return .end
        case "tab": return .tab
        case "btab", "shift-tab", "backtab": return .backTab
        case "space": return .char(" ")
        case "bs", "backspace": return .backspace
        case "del", "delete": return .delete
        case "resize": return .resize
        case "hangup": return .hangup
        default: break
        }
        if name.lowercased().hasPrefix("ctrl-"), name.count == 6 { return .ctrl(Character(name.suffix(1).lowercased())) }
        if name.hasPrefix("F") || name.hasPrefix("f"), let n = Int(name.dropFirst()), (1...12).contains(n) { return .function(n) }
        if name.count == 1 { return .char(name.first!) }
        return nil
    }
}

/// What the screen layer must provide: a size, keys, and a way to show a grid. `CursesTerminal`
/// is the real one; `ScriptedTerminal` feeds keys and keeps frames for tests.
public protocol Terminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// The next key, or nil when `timeoutMilliseconds` passed without one.
    func readKey(timeoutMilliseconds: Int) -> Key?
    func draw(_ grid: Grid)
    /// Restores the terminal (idempotent).
    func restore()
    /// True when no more input can come (a script ran out, the terminal hung up): the desk ends.
    var isClosed: Bool { get }
}

/// A terminal for tests: keys come from a script, frames are kept, the size can change mid-script.
public final class ScriptedTerminal: Terminal {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [Grid] = []
    var script: [ScriptStep]
    /// Next step to hand over (an index, so a 100,000-key paste is not quadratic).
    var next = 0
    var afterEnd = 0
    /// The screen as it stood when the script's last key had been handled.
    public private(set) var scriptEndFrame: Grid?
    public private(set) var isClosed = false
    public private(set) var restored = false
    /// When true, keys are handed over even on a zero-timeout read: they arrive faster than
    /// frames, like a paste. By default each key gets its own frame.
    public var burst = false

    public enum ScriptStep {
        case key(Key)
        case resize(Int, Int)
        /// Lets the event loop run one idle tick (timers, background results).
        case idle
        /// Runs code between keys (another operator acting while a dialog is open).
        case perform(() -> Void)
    }

    /// Appends steps to the script.
    public func append(_ steps: [ScriptStep]) { script += steps }

    public init(width: Int, height: Int, script: [ScriptStep]) {
        size = (width, height)
        self.script = script
    }

    /// Builds a script from names: ["j", "j", "Enter", "resize:60x20", "idle", "Q"]; "text:abc" types characters.
    public convenience init(width: Int, height: Int, keys: [String]) {
        var steps: [ScriptStep] = []
        for k in keys {
            if k.hasPrefix("resize:") {
                let dims = k.dropFirst(7).split(separator: "x").compactMap { Int($0) }
                if dims.count == 2 { steps.append(.resize(dims[0], dims[1])) }
            } else if k == "idle" {
                steps.append(.idle)
            } else if k.hasPrefix("text:") {
                steps += k.dropFirst(5).map { .key(.char($0)) }
            } else if let key = Key.named(k) {
                steps.append(.key(key))
            }
        }
        self.init(width: width, height: height, script: steps)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        if timeoutMilliseconds == 0 && !burst { return nil }
        guard next < script.count else {
            // Past the script: cancel whatever is open, then quit; then report the end.
            if afterEnd == 0 { scriptEndFrame = frames.last }
            afterEnd += 1
            if afterEnd > 4 { isClosed = true }
            return afterEnd % 2 == 1 ? .escape : .char("Q")
        }
        let step = script[next]
        next += 1
        switch step {
        case .key(let k): return k
        case .resize(let w, let h):
            size = (w, h)
            return .resize
        case .idle: return nil
        case .perform(let body):
            body()
            return nil
        }
    }

    public func draw(_ grid: Grid) { frames.append(grid) }

    public func restore() { restored = true }

    public var lastFrame: Grid? { frames.last }
}
