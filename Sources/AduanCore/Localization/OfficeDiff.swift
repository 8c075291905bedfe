// (Kept with the string tables: every line it returns is a sentence in the operator's language.)
/// What an office change changes, line by line, in the operator's language: shown as the preview
/// of `aduan office apply` and recorded (as its summary) with the new version.
public enum OfficeDiff {
    public static func lines(from old: OfficeConfig, to new: OfficeConfig, language: Language) -> [String] {
        let en = language == .en
        var out: [String] = []
        func say(_ e: String, _ i: String) { out.append(en ? e : i) }

        if old.officeName != new.officeName { say("office name: \(old.officeName) → \(new.officeName)", "nama kantor: \(old.officeName) → \(new.officeName)") }
        if old.agency != new.agency { say("office agency: \(old.agency) → \(new.agency)", "instansi kantor: \(old.agency) → \(new.agency)") }
        if old.calendar.zone != new.calendar.zone { say("time zone: \(old.calendar.zone) → \(new.calendar.zone)", "zona waktu: \(old.calendar.zone) → \(new.calendar.zone)") }

        // Directory.
        let oldAgencies = Dictionary(old.directory.agencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newAgencies = Dictionary(new.directory.agencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for a in new.directory.agencies where oldAgencies[a.id] == nil { say("agency added: \(a.id) (\(a.name))", "instansi ditambah: \(a.id) (\(a.name))") }
        for a in old.directory.agencies where newAgencies[a.id] == nil { say("agency removed: \(a.id) (\(a.name))", "instansi dihapus: \(a.id) (\(a.name))") }
        var oldUnits: [String: (String, String)] = [:], newUnits: [String: (String, String)] = [:]
        for a in old.directory.agencies { for u in a.units { oldUnits[u.id] = (a.id, u.name) } }
        for a in new.directory.agencies { for u in a.units { newUnits[u.id] = (a.id, u.name) } }
        for a in new.directory.agencies {
            for u in a.units {
                if let o = oldUnits[u.id] {
                    if o.0 != a.id { say("unit moved: \(u.id) \(o.0) → \(a.id)", "unit dipindah: \(u.id) \(o.0) → \(a.id)") }
                    if o.1 != u.name { say("unit renamed: \(u.id) \(o.1) → \(u.name)", "unit berganti nama: \(u.id) \(o.1) → \(u.name)") }
                } else {
                    say("unit added: \(u.id) (\(u.name)) in \(a.id)", "unit ditambah: \(u.id) (\(u.name)) di \(a.id)")
                }
            }
        }
        for a in old.directory.agencies { for u in a.units where newUnits[u.id] == nil { say("unit removed: \(u.id) (\(u.name))", "unit dihapus: \(u.id) (\(u.name))") } }

        // Operators.
        func describe(_ a: Actor) -> String { "\(a.id) \(a.role.rawValue) \(a.agency)\(a.unit.map { "/" + $0 } ?? "")" }
        let oldOps = Dictionary(old.operators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newOps = Dictionary(new.operators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for o in new.operators {
            if let before = oldOps[o.id] {
                if before != o { say("operator changed: \(describe(before)) → \(describe(o))", "operator diubah: \(describe(before)) → \(describe(o))") }
            } else {
                say("operator added: \(describe(o))", "operator ditambah: \(describe(o))")
            }
        }
        for o in old.operators where newOps[o.id] == nil { say("operator removed: \(describe(o))", "operator dihapus: \(describe(o))") }
        if old.defaultOperator != new.defaultOperator {
            say("default operator: \(old.defaultOperator ?? "-") → \(new.defaultOperator ?? "-")", "operator bawaan: \(old.defaultOperator ?? "-") → \(new.defaultOperator ?? "-")")
        }

        // Deadlines.
        let rules: [(String, KeyPath<DeadlinePolicy, DeadlineRule>)] = [
            ("verification", \.verification), ("firstFollowUp", \.firstFollowUp), ("autoClose", \.autoClose),
            ("resolution", \.resolution), ("response", \.response),
        ]
        for (name, path) in rules {
            let a = old.deadlines[keyPath: path], b = new.deadlines[keyPath: path]
            if a.days != b.days || a.counting != b.counting {
                say("deadline \(name): \(a.days) \(a.counting.rawValue) days → \(b.days) \(b.counting.rawValue) days",
                    "tenggat \(name): \(a.days) hari \(a.counting == .working ? "kerja" : "kalender") → \(b.days) hari \(b.counting == .working ? "kerja" : "kalender")")
            } else if a.basis != b.basis {
                say("deadline \(name): basis changed", "tenggat \(name): dasar hukum diubah")
            }
        }
        if old.deadlines.dueSoonWorkingDays != new.deadlines.dueSoonWorkingDays {
            say("due soon: \(old.deadlines.dueSoonWorkingDays) → \(new.deadlines.dueSoonWorkingDays) working days",
                "segera jatuh tempo: \(old.deadlines.dueSoonWorkingDays) → \(new.deadlines.dueSoonWorkingDays) hari kerja")
        }

        out += slaLines(from: old, to: new, language: language)

        // Calendar.
        if old.calendar.workWeek != new.calendar.workWeek {
            func week(_ w: Set<Weekday>) -> String { Weekday.allCases.filter(w.contains).map(\.key).joined(separator: ",") }
            say("work week: \(week(old.calendar.workWeek)) → \(week(new.calendar.workWeek))", "hari kerja: \(week(old.calendar.workWeek)) → \(week(new.calendar.workWeek))")
        }
        let added = new.calendar.holidays.values.filter { old.calendar.holidays[$0.date.dayNumber] != $0 }.sorted { $0.date < $1.date }
        let removed = old.calendar.holidays.values.filter { new.calendar.holidays[$0.date.dayNumber] == nil }.sorted { $0.date < $1.date }
        for h in added.prefix(20) { say("holiday added: \(h.date) \(h.kind.rawValue) \(h.name)", "hari libur ditambah: \(h.date) \(h.kind.rawValue) \(h.name)") }
        if added.count > 20 { say("… \(added.count - 20) more holidays added", "… \(added.count - 20) hari libur lain ditambah") }
        for h in removed.prefix(20) { say("holiday removed: \(h.date) \(h.name)", "hari libur dihapus: \(h.date) \(h.name)") }
        if removed.count > 20 { say("… \(removed.count - 20) more holidays removed", "… \(removed.count - 20) hari libur lain dihapus") }

        // Workflow switches.
        let a = old.policy, b = new.policy
        if a.reopenAllowed != b.reopenAllowed { say("workflow reopenAllowed: \(a.reopenAllowed) → \(b.reopenAllowed)", "alur reopenAllowed: \(a.reopenAllowed) → \(b.reopenAllowed)") }
        if a.archiveFromTunda != b.archiveFromTunda { say("workflow archiveFromTunda: \(a.archiveFromTunda) → \(b.archiveFromTunda)", "alur archiveFromTunda: \(a.archiveFromTunda) → \(b.archiveFromTunda)") }
        if a.tundaAlertDays != b.tundaAlertDays { say("workflow tundaAlertDays: \(a.tundaAlertDays) → \(b.tundaAlertDays)", "alur tundaAlertDays: \(a.tundaAlertDays) → \(b.tundaAlertDays)") }
        if a.postponeFrom != b.postponeFrom {
            func list(_ s: [Status]) -> String { s.map { "\($0)" }.sorted().joined(separator: ",") }
            say("workflow postponeFrom: \(list(a.postponeFrom)) → \(list(b.postponeFrom))", "alur postponeFrom: \(list(a.postponeFrom)) → \(list(b.postponeFrom))")
        }

        // Categories and templates.
        let oldCats = Set(old.categories.map(\.category.path)), newCats = Set(new.categories.map(\.category.path))
        for c in newCats.subtracting(oldCats).sorted() { say("category added: \(c)", "kategori ditambah: \(c)") }
        for c in oldCats.subtracting(newCats).sorted() { say("category removed: \(c)", "kategori dihapus: \(c)") }
        let oldT = Dictionary(old.templates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newT = Dictionary(new.templates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for t in new.templates {
            if let before = oldT[t.id] {
                if before != t { say("template changed: \(t.id)", "templat diubah: \(t.id)") }
            } else {
                say("template added: \(t.id)", "templat ditambah: \(t.id)")
            }
        }
        for t in old.templates where newT[t.id] == nil { say("template removed: \(t.id)", "templat dihapus: \(t.id)") }
        return out.map { SafeText.excerpt($0, limit: 200) }
    }
}
