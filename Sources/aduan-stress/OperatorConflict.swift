import AduanCore
import AduanStore

extension OperatorMode {
    /// The line an operator process sends for an action refused as stale, the same on either
    /// store: `conflict <id> <expected> <current> <kind>` when the refusal is a real conflict (the
    /// conflict message, naming the version the action was decided on and a newer current one),
    /// else `error bad conflict …`, which the parent counts as a failure.
    static func conflictReport(_ cf: Conflict, id: Int64, kind: String, decidedOn version: Int,
                               office: Office) -> (line: String, real: Bool) {
        let message = describe(.conflict(cf), office: office)
        guard AduanAct.isConflictMessage(message), cf.expectedVersion == version, cf.currentVersion > version else {
            return ("error bad conflict (decided on \(version)): \(message)", false)
        }
        return ("conflict \(id) \(cf.expectedVersion) \(cf.currentVersion) \(kind)", true)
    }
}
