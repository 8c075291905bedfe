/// The report a duplicate points at must exist for the operator who links it: a link to a report
/// they may not see is refused exactly as a link to a missing id, so neither its existence nor its
/// number can be probed. One rule for both stores (SQLite's `ComplaintStore.apply`, PostgreSQL's
/// writer): each loads the named report and asks here.
extension Access {
    /// The other report `command` names as the original of report `id`, when it must exist for the
    /// actor (a link or an archive as a duplicate); nil when the command names none or names `id`
    /// itself (which the core refuses on its own, `Refusal.duplicateOfSelf`).
    public static func duplicateOriginal(of command: Command, on id: Int64) -> Int64? {
        guard command.kind == .linkDuplicate || command.kind == .archive, let other = command.details.duplicateOf, other != id else { return nil }
        return other
    }

    /// Why the original `other` (as the store read it, nil when missing) cannot be named by `actor`.
    public static func duplicateOriginalRefusal(_ other: Int64, original: Complaint?, actor: Actor) -> Refusal? {
        guard let original, Privacy.canView(original, viewer: actor) else { return .noSuchComplaint(other) }
        return nil
    }
}
