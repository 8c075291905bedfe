import AduanCore
import AduanStore

/// The views of the desk, in the order of their number keys.
public enum ViewKind: Int, Sendable, CaseIterable {
    case inbox = 1
    case detail = 2
    case deadlines = 3
    case dashboard = 4
    case help = 5

    var title: UIText {
        switch self {
        case .inbox: .inbox
        case .detail: .detail
        case .deadlines: .deadlines
        case .dashboard: .dashboard
        case .help: .help
        }
    }
}

/// What handling a command led to.
enum ViewOutcome {
    case handled
    case unhandled
    /// Open a report's detail.
    case open(Int64)
    /// Leave this view.
    case close
    /// Show the Inbox limited by this filter (its text as the operator would type it).
    case limitInbox(FilterExpression, String)
}

/// The contract every view keeps (tig's view_ops): draw into a rectangle, react to commands,
/// reload when the data changed, and say what is selected and where the cursor stands.
protocol DeskView: AnyObject {
    var kind: ViewKind { get }
    /// The report an action would apply to.
    var selectedID: Int64? { get }
    /// "12 dari 1.204" or nil.
    func position(_ ctx: DeskContext) -> String?
    func draw(_ grid: inout Grid, area: Rect, ctx: DeskContext)
    func handle(_ command: DeskCommand, ctx: DeskContext) -> ViewOutcome
    /// The data changed (an action, another operator): read it again, keeping the cursor.
    func reload(_ ctx: DeskContext)
    /// Called between keys: pick up background results. Returns true when a redraw is needed.
    func tick(_ ctx: DeskContext) -> Bool
    /// The filter in force, for the status line.
    var filterText: String? { get }
}

extension DeskView {
    func tick(_ ctx: DeskContext) -> Bool { false }
    var filterText: String? { nil }
}
