import AduanCore

/// The part of a report's state that has no column of its own, stored as JSON in
/// `complaints.state`, so a detail view or an export reads one row instead of folding events.
enum StateCodec {
    static func encode(_ c: Complaint) -> String {
        var w = JSONStreamWriter()
        w.beginObject()
        if !c.location.isEmpty { w.key("location"); w.string(c.location) }
        if let d = c.incidentDate { w.key("incidentDate"); w.string(d.iso8601) }
        if let r = c.reporter {
            w.key("reporter"); w.beginObject()
            if let v = r.name { w.key("name"); w.string(v) }
            if let v = r.phone { w.key("phone"); w.string(v) }
            if let v = r.email { w.key("email"); w.string(v) }
            if let v = r.nik { w.key("nik"); w.string(v) }
            w.endObject()
        }
        w.key("chain"); w.beginArray()
        for s in c.holderChain {
            w.beginArray()
            w.string(s.holder.agency); w.string(s.holder.unit); w.int(s.since.seconds); w.string(s.via.rawValue); w.bool(s.pingPong)
            w.endArray()
        }
        w.endArray()
        if !c.ccUnits.isEmpty { w.key("cc"); w.beginArray(); for u in c.ccUnits { w.string(u) }; w.endArray() }
        if let v = c.duplicateOf { w.key("duplicateOf"); w.int(v) }
        let times: [(String, Timestamp?)] = [
            ("verifiedAt", c.verifiedAt), ("firstDispositionAt", c.firstDispositionAt), ("dispositionAt", c.dispositionAt),
            ("firstFollowUpAt", c.firstFollowUpAt), ("lastFollowUpAt", c.lastFollowUpAt), ("lastReplyAt", c.lastReplyAt),
            ("closedAt", c.closedAt), ("pausedAt", c.pausedAt),
        ]
        for (k, v) in times { if let v { w.key(k); w.int(v.seconds) } }
        if c.awaitingReporter { w.key("awaiting"); w.bool(true) }
        if let s = c.statusBeforePause { w.key("beforePause"); w.string(s.rawValue) }
        if !c.pauses.isEmpty {
            w.key("pauses"); w.beginArray()
            for p in c.pauses { w.beginArray(); w.int(p.from.seconds); w.int(p.to.seconds); w.endArray() }
            w.endArray()
        }
        if let r = c.archiveReason { w.key("archiveReason"); w.string(r.rawValue) }
        if c.followUpCount > 0 { w.key("followUps"); w.int(c.followUpCount) }
        if c.forwardCount > 0 { w.key("forwards"); w.int(c.forwardCount) }
        if c.reopenCount > 0 { w.key("reopens"); w.int(c.reopenCount) }
        w.endObject()
        return w.text
    }

    /// Fills `c` (whose column fields are already set) from the state JSON; false when damaged.
    static func decode(_ text: String, into c: inout Complaint) -> Bool {
        guard let n = try? JSONParser.parse(text) else { return false }
        c.location = n["location"]?.string ?? ""
        c.incidentDate = n["incidentDate"]?.string.flatMap(LocalDate.parse)
        if let r = n["reporter"] {
            c.reporter = Reporter(name: r["name"]?.string, phone: r["phone"]?.string, email: r["email"]?.string, nik: r["nik"]?.string)
        } else {
            c.reporter = nil
        }
        guard let chain = n["chain"]?.array else { return false }
        c.holderChain = []
        for step in chain {
            guard let a = step.array, a.count == 5, let agency = a[0].string, let since = a[2].int64,
                  let via = a[3].string.flatMap(ActionKind.parse), let pp = a[4].bool else { return false }
            c.holderChain.append(HolderStep(holder: Holder(agency: agency, unit: a[1].string), since: Timestamp(seconds: since), via: via, pingPong: pp))
        }
        c.ccUnits = n["cc"]?.array?.compactMap(\.string) ?? []
        c.duplicateOf = n["duplicateOf"]?.int64
        func t(_ k: String) -> Timestamp? { n[k]?.int64.map { Timestamp(seconds: $0) } }
        c.verifiedAt = t("verifiedAt")
        c.firstDispositionAt = t("firstDispositionAt")
        c.dispositionAt = t("dispositionAt")
        c.firstFollowUpAt = t("firstFollowUpAt")
        c.lastFollowUpAt = t("lastFollowUpAt")
        c.lastReplyAt = t("lastReplyAt")
        c.closedAt = t("closedAt")
        c.pausedAt = t("pausedAt")
        c.awaitingReporter = n["awaiting"]?.bool ?? false
        c.statusBeforePause = n["beforePause"]?.string.flatMap(Status.parse)
        c.pauses = (n["pauses"]?.array ?? []).compactMap { p in
            guard let a = p.array, a.count == 2, let f = a[0].int64, let to = a[1].int64 else { return nil }
            return PauseSpan(from: Timestamp(seconds: f), to: Timestamp(seconds: to))
        }
        c.archiveReason = n["archiveReason"]?.string.flatMap(ArchiveReason.parse)
        c.followUpCount = n["followUps"]?.int ?? 0
        c.forwardCount = n["forwards"]?.int ?? 0
        c.reopenCount = n["reopens"]?.int ?? 0
        return true
    }
}

extension Status {
    /// The integer stored in `complaints.status` (LAPOR!'s tab order).
    var code: Int64 { Int64(order) }

    init?(code: Int64) {
        guard let s = Status.allCases.first(where: { Int64($0.order) == code }) else { return nil }
        self = s
    }
}
