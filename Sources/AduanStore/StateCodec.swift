import AduanCore

/// The part of a report's state that has no column of its own, stored as JSON in
/// `complaints.state`, so a detail view or an export reads one row instead of folding events.
/// Short keys: this is an internal record (exports use their own readable format), and it is
/// written a million times in a large store.
enum StateCodec {
    static func encode(_ c: Complaint) -> String {
        var w = JSONStreamWriter()
        w.beginObject()
        if !c.location.isEmpty { w.key("lo"); w.string(c.location) }
        if let d = c.incidentDate { w.key("id"); w.string(d.iso8601) }
        if let r = c.reporter {
            w.key("r"); w.beginObject()
            if let v = r.name { w.key("n"); w.string(v) }
            if let v = r.phone { w.key("p"); w.string(v) }
            if let v = r.email { w.key("e"); w.string(v) }
            if let v = r.nik { w.key("k"); w.string(v) }
            w.endObject()
        }
        w.key("h"); w.beginArray()
        for s in c.holderChain {
            w.beginArray()
            w.string(s.holder.agency); w.string(s.holder.unit); w.int(s.since.seconds); w.string(s.via.rawValue); w.bool(s.pingPong)
            w.endArray()
        }
        w.endArray()
        if !c.ccUnits.isEmpty { w.key("c"); w.beginArray(); for u in c.ccUnits { w.string(u) }; w.endArray() }
        if let v = c.duplicateOf { w.key("du"); w.int(v) }
        let times: [(String, Timestamp?)] = [
            ("va", c.verifiedAt), ("fd", c.firstDispositionAt), ("da", c.dispositionAt),
            ("ff", c.firstFollowUpAt), ("lf", c.lastFollowUpAt), ("lr", c.lastReplyAt),
            ("ca", c.closedAt), ("pa", c.pausedAt), ("lm", c.lastMessageAt),
        ]
        for (k, v) in times { if let v { w.key(k); w.int(v.seconds) } }
        if c.awaitingReporter { w.key("aw"); w.bool(true) }
        if let s = c.statusBeforePause { w.key("bp"); w.string(s.rawValue) }
        if !c.pauses.isEmpty {
            w.key("ps"); w.beginArray()
            for p in c.pauses { w.beginArray(); w.int(p.from.seconds); w.int(p.to.seconds); w.endArray() }
            w.endArray()
        }
        if let r = c.archiveReason { w.key("ar"); w.string(r.rawValue) }
        if c.followUpCount > 0 { w.key("fu"); w.int(c.followUpCount) }
        if c.forwardCount > 0 { w.key("fw"); w.int(c.forwardCount) }
        if c.reopenCount > 0 { w.key("ro"); w.int(c.reopenCount) }
        if let d = c.pendingDraft {
            w.key("pd"); w.beginArray()
            w.int(Int64(d.version)); w.int(d.at.seconds); w.string(d.drafter); w.string(d.drafterName); w.string(d.text); w.bool(d.secret)
            w.endArray()
        }
        if !c.escalations.isEmpty { w.key("es"); w.beginArray(); for k in c.escalations { w.string(k) }; w.endArray() }
        w.endObject()
        return w.text
    }

    /// Fills `c` (whose column fields are already set) from the state JSON; false when damaged.
    static func decode(_ text: String, into c: inout Complaint) -> Bool {
        guard let n = try? JSONParser.parse(text) else { return false }
        c.location = n["lo"]?.string ?? ""
        c.incidentDate = n["id"]?.string.flatMap(LocalDate.parse)
        if let r = n["r"] {
            c.reporter = Reporter(name: r["n"]?.string, phone: r["p"]?.string, email: r["e"]?.string, nik: r["k"]?.string)
        } else {
            c.reporter = nil
        }
        guard let chain = n["h"]?.array else { return false }
        c.holderChain = []
        for step in chain {
            guard let a = step.array, a.count == 5, let agency = a[0].string, let since = a[2].int64,
                  let via = a[3].string.flatMap(ActionKind.parse), let pp = a[4].bool else { return false }
            c.holderChain.append(HolderStep(holder: Holder(agency: agency, unit: a[1].string), since: Timestamp(seconds: since), via: via, pingPong: pp))
        }
        c.ccUnits = n["c"]?.array?.compactMap(\.string) ?? []
        c.duplicateOf = n["du"]?.int64
        func t(_ k: String) -> Timestamp? { n[k]?.int64.map { Timestamp(seconds: $0) } }
        c.verifiedAt = t("va")
        c.firstDispositionAt = t("fd")
        c.dispositionAt = t("da")
        c.firstFollowUpAt = t("ff")
        c.lastFollowUpAt = t("lf")
        c.lastReplyAt = t("lr")
        c.closedAt = t("ca")
        c.pausedAt = t("pa")
        c.lastMessageAt = t("lm")
        c.escalations = n["es"]?.array?.compactMap(\.string) ?? []
        c.awaitingReporter = n["aw"]?.bool ?? false
        c.statusBeforePause = n["bp"]?.string.flatMap(Status.parse)
        c.pauses = (n["ps"]?.array ?? []).compactMap { p in
            guard let a = p.array, a.count == 2, let f = a[0].int64, let to = a[1].int64 else { return nil }
            return PauseSpan(from: Timestamp(seconds: f), to: Timestamp(seconds: to))
        }
        c.archiveReason = n["ar"]?.string.flatMap(ArchiveReason.parse)
        c.followUpCount = n["fu"]?.int ?? 0
        c.forwardCount = n["fw"]?.int ?? 0
        c.reopenCount = n["ro"]?.int ?? 0
        c.pendingDraft = nil
        if let pd = n["pd"] {
            guard let a = pd.array, a.count == 6, let v = a[0].int, let at = a[1].int64, let by = a[2].string,
                  let name = a[3].string, let text = a[4].string, let secret = a[5].bool else { return false }
            c.pendingDraft = PendingDraft(version: v, at: Timestamp(seconds: at), drafter: by, drafterName: name, text: text, secret: secret)
        }
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
