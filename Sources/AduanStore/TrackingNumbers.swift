import AduanCore

extension ComplaintStore {
    /// A LAPOR! number names one report. Checked inside the write transaction (writers take the
    /// lock with BEGIN IMMEDIATE, one at a time), so two receivers on two connections cannot both
    /// record the same number. The existing report is named only to an operator who may see it.
    func refuseTakenTrackingID(_ trackingID: String?, by actor: Actor) throws {
        guard let t = trackingID,
              let id = try db.scalarInt("SELECT id FROM complaints WHERE tracking_id = ? LIMIT 1", [.text(t)]) else { return }
        let visible = try loadComplaint(id).map { Privacy.canView($0, viewer: actor) } ?? false
        throw StoreError.refused(.trackingIDTaken(t, existing: visible ? id : nil))
    }
}
