import AduanCore

/// What a key asks for. Views act on commands, never on raw keys, so the key map below is the
/// only place keys are bound and the Help view can never disagree with them.
public enum DeskCommand: Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, first, last
    case open, back, quit, help
    case view(Int)
    case search, searchNext, searchPrevious, limit
    case tag, applyToTagged
    case refresh, nextTab, previousTab, cycleOrder
    /// `M`: only what my unit holds / with what it is copied on (tembusan).
    case toggleMine
    case action(ActionKind)
    /// `t` postpones or resumes, whichever the report's status allows.
    case postponeOrResume
}

/// One binding: keys, the command, and what Help says about it.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: DeskCommand
    public var help: UIText
    /// Shown in Help under "Aksi" rather than "Tombol".
    public var isAction: Bool

    public init(_ keys: [Key], _ command: DeskCommand, _ help: UIText, action: Bool = false) {
        self.keys = keys
        self.command = command
        self.help = help
        isAction = action
    }
}

/// The desk's key map (mutt and tig conventions).
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .moveDown, .moveDown),
        KeyBinding([.char("k"), .up], .moveUp, .moveUp),
        KeyBinding([.pageDown], .pageDown, .pageDown),
        KeyBinding([.pageUp], .pageUp, .pageUp),
        KeyBinding([.ctrl("d")], .halfPageDown, .pageDown),
        KeyBinding([.ctrl("u")], .halfPageUp, .pageUp),
        KeyBinding([.char("g"), .home], .first, .first),
        KeyBinding([.char("G"), .end], .last, .last),
        KeyBinding([.enter], .open, .open),
        KeyBinding([.char("q"), .escape], .back, .back),
        KeyBinding([.char("Q"), .ctrl("c")], .quit, .quit),
        KeyBinding([.char("?"), .function(1)], .help, .help),
        KeyBinding([.char("1")], .view(1), .inbox),
        KeyBinding([.char("2")], .view(2), .detail),
        KeyBinding([.char("3")], .view(3), .deadlines),
        KeyBinding([.char("4")], .view(4), .dashboard),
        KeyBinding([.char("/")], .search, .search),
        KeyBinding([.char("n")], .searchNext, .nextMatch),
        KeyBinding([.char("N")], .searchPrevious, .previousMatch),
        KeyBinding([.char("l")], .limit, .filter),
        KeyBinding([.char(" ")], .tag, .tag),
        KeyBinding([.char(";")], .applyToTagged, .applyToTagged),
        KeyBinding([.char("R"), .ctrl("l")], .refresh, .refresh),
        KeyBinding([.tab, .right], .nextTab, .tabAll),
        KeyBinding([.backTab, .left], .previousTab, .tabAll),
        KeyBinding([.char("O")], .cycleOrder, .status),
        KeyBinding([.char("M")], .toggleMine, .mineToggle),
        KeyBinding([.char("v")], .action(.verify), .verifyHint, action: true),
        KeyBinding([.char("e")], .action(.classify), .classifyHint, action: true),
        KeyBinding([.char("D")], .action(.redispose), .redisposeHint, action: true),
        KeyBinding([.char("f")], .action(.forward), .forwardHint, action: true),
        KeyBinding([.char("x")], .action(.cc), .ccHint, action: true),
        KeyBinding([.char("r")], .action(.followUp), .replyHint, action: true),
        KeyBinding([.char("m")], .action(.note), .noteHint, action: true),
        KeyBinding([.char("p")], .action(.reply), .replyRecordHint, action: true),
        KeyBinding([.char("s")], .action(.rate), .rateHint, action: true),
        KeyBinding([.char("t")], .postponeOrResume, .postponeHint, action: true),
        KeyBinding([.char("a")], .action(.archive), .archiveHint, action: true),
        KeyBinding([.char("u")], .action(.linkDuplicate), .duplicateHint, action: true),
        KeyBinding([.char("c")], .action(.close), .closeHint, action: true),
        KeyBinding([.char("o")], .action(.reopen), .reopenHint, action: true),
        // The unit tree and drafts (issue 15): b/B down and up, d draft, y/Y approve or return it.
        KeyBinding([.char("b")], .action(.passDown), .passDownHint, action: true),
        KeyBinding([.char("B")], .action(.returnUp), .returnUpHint, action: true),
        KeyBinding([.char("d")], .action(.draft), .draftHint, action: true),
        KeyBinding([.char("y")], .action(.approve), .approveHint, action: true),
        KeyBinding([.char("Y")], .action(.returnDraft), .returnDraftHint, action: true),
    ]

    static let lookup: [Key: DeskCommand] = {
        var map: [Key: DeskCommand] = [:]
        for b in bindings { for k in b.keys where map[k] == nil { map[k] = b.command } }
        return map
    }()

    public static func command(for key: Key) -> DeskCommand? { lookup[key] }

    /// The first key bound to a command, as Help and the key bar write it.
    public static func key(for command: DeskCommand) -> Key? {
        bindings.first { $0.command == command }?.keys.first
    }

    /// The key that starts an action on the screen (`t` serves postpone and resume).
    public static func key(for action: ActionKind) -> Key? {
        if action == .postpone || action == .resume { return .char("t") }
        return key(for: .action(action))
    }
}
