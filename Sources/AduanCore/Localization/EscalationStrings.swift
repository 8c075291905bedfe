/// Sentences for warnings, escalations, SLA overrides and boilerplate answers (issue 15 items 3–6),
/// in both languages.
extension StringTable {
    var en: Bool { language == .en }

    public func escalationTargetName(_ t: EscalationTarget) -> String {
        switch t {
        case .holder: en ? "the handling unit" : "unit penangan"
        case .supervisor: en ? "the unit's supervisor" : "atasan unit"
        case .agencyAdmin: en ? "the agency admin" : "admin instansi"
        case .external: en ? "external intervention (LAPOR! administrator, Ombudsman)" : "intervensi eksternal (admin LAPOR!, Ombudsman)"
        }
    }

    public var escalationFieldName: String { en ? "Escalation" : "Eskalasi" }

    /// A short name of an escalation level, for group headings and figure columns.
    public func escalationLevelName(_ t: EscalationTarget?) -> String {
        switch t {
        case nil: en ? "No escalation" : "Tanpa eskalasi"
        case .holder?: en ? "Warned" : "Diperingatkan"
        case .supervisor?: en ? "Supervisor" : "Atasan unit"
        case .agencyAdmin?: en ? "Agency admin" : "Admin instansi"
        case .external?: en ? "External" : "Eksternal"
        }
    }

    /// "Warning: 80% of the first follow-up's time used (Dinas PU)"; "Escalated to the agency admin:
    /// first follow-up overdue +5 working days (Dinas PU)".
    public func escalationSummary(_ m: EscalationMark, names: Directory) -> String {
        let whom = m.holder.unit.map(names.unitName) ?? names.agencyName(m.holder.agency)
        let timer = m.timer.map { deadlineName($0).lowercased() } ?? ""
        switch m.step {
        case .warning(let p):
            return en ? "Warning: \(p)% of the \(timer) time used (\(whom))" : "Peringatan: \(p)% waktu \(timer) terpakai (\(whom))"
        case .breach(let d, let to):
            if m.timer == nil {
                return en ? "Flagged for \(escalationTargetName(to)): \(d) days since receipt (\(whom))"
                          : "Ditandai untuk \(escalationTargetName(to)): \(d) hari sejak diterima (\(whom))"
            }
            return en ? "Escalated to \(escalationTargetName(to)): \(timer) overdue +\(d) working days (\(whom))"
                      : "Dieskalasi ke \(escalationTargetName(to)): \(timer) lewat batas +\(d) hari kerja (\(whom))"
        }
    }

    func escalationEventSummary(_ e: Event, names: Directory) -> String {
        guard let m = e.details.escalation else { return actionName(.escalate) }
        return escalationSummary(m, names: names)
    }

    func escalationRefusal(_ r: Refusal) -> String? {
        switch r {
        case .escalationNotDue(let k):
            return en ? "The warning or escalation \(quoted(k)) is not due now under the office's ladder."
                      : "Peringatan atau eskalasi \(quoted(k)) belum jatuh waktu menurut tangga eskalasi kantor."
        case .escalationRecorded(let k):
            return en ? "The warning or escalation \(quoted(k)) is already recorded for this timer."
                      : "Peringatan atau eskalasi \(quoted(k)) sudah tercatat untuk batas waktu ini."
        default: return nil
        }
    }

    /// The dashboard's and `aduan report`'s headings of the issue-15 figures.
    public var escalationsPerUnitHeading: String { en ? "Warnings and escalations per unit (recorded)" : "Peringatan dan eskalasi per unit (tercatat)" }
    public var boilerplatePerUnitHeading: String { en ? "Boilerplate answers per unit (share of follow-ups)" : "Jawaban normatif per unit (bagian dari tindak lanjut)" }

    /// The warning shown to the sender (and the approver) of a boilerplate follow-up.
    public func boilerplateWarning(_ b: BoilerplateFinding, templateName: (String) -> String) -> String {
        switch b.source {
        case .template(let id):
            return en ? "Warning: this follow-up is \(b.percent)% the template \(quoted(templateName(id))) with next to nothing added; evaluators count such answers as boilerplate (normatif). Say what was done for this report."
                      : "Peringatan: tindak lanjut ini \(b.percent)% sama dengan templat \(quoted(templateName(id))) tanpa tambahan berarti; penilai menganggapnya jawaban normatif. Tuliskan apa yang dilakukan untuk laporan ini."
        case .earlierAnswers(let n):
            return en ? "Warning: this follow-up is nearly identical (\(b.percent)%) to \(n) earlier answers of the unit; evaluators count such answers as boilerplate (normatif)."
                      : "Peringatan: tindak lanjut ini hampir sama (\(b.percent)%) dengan \(n) jawaban unit sebelumnya; penilai menganggapnya jawaban normatif."
        }
    }

    /// "deadlines.overrides[0] (category infrastruktur/jalan, priority high): 14 working days"
    /// or "the office's deadlines.firstFollowUp: 5 working days".
    public func ruleOrigin(_ d: Deadline) -> String {
        let days = en ? "\(d.rule.days) \(d.rule.counting == .working ? "working days" : "calendar days")"
                      : "\(d.rule.days) \(d.rule.counting == .working ? "hari kerja" : "hari kalender")"
        switch d.origin {
        case .standard:
            let key = ConfigReader.timerKeys.first { $0.1 == d.kind }?.0 ?? d.kind.rawValue
            return en ? "\(days), office rule deadlines.\(key) (\(d.rule.basis))" : "\(days), aturan kantor deadlines.\(key) (\(d.rule.basis))"
        case .override(let o):
            var what: [String] = []
            if let c = o.category { what.append((en ? "category " : "kategori ") + c.path) }
            if let p = o.priority { what.append((en ? "priority " : "prioritas ") + priorityName(p)) }
            return en ? "\(days), office override \(o.source) (\(what.joined(separator: ", "))): \(d.rule.basis)"
                      : "\(days), pengecualian kantor \(o.source) (\(what.joined(separator: ", "))): \(d.rule.basis)"
        }
    }
}


// The office summaries `office show` prints and the SLA lines of `office apply`'s preview.
extension DeadlineOverride {
    /// "infrastruktur/jalan, any priority: firstFollowUp 14 working" for `office show` and the diff.
    public func summary(_ language: Language) -> String {
        let en = language == .en
        let what = [category.map(\.path) ?? (en ? "any category" : "semua kategori"),
                    priority.map(\.rawValue) ?? (en ? "any priority" : "semua prioritas")].joined(separator: ", ")
        let ts = ConfigReader.timerKeys.compactMap { key, kind in timers[kind].map { "\(key) \($0.days) \($0.counting.rawValue)" } }
        return "\(what): " + ts.joined(separator: ", ")
    }
}

extension EscalationLadder {
    /// "warn 50,80% then +0 supervisor, +5 agency-admin", or "off".
    public func summary(_ language: Language) -> String {
        let en = language == .en
        if warnAt.isEmpty && steps.isEmpty { return en ? "off" : "mati" }
        var p: [String] = []
        if !warnAt.isEmpty { p.append((en ? "warn " : "peringatan ") + warnAt.map(String.init).joined(separator: ",") + "%") }
        if !steps.isEmpty { p.append((en ? "then " : "lalu ") + steps.map { "+\($0.afterWorkingDays) \($0.to.rawValue)" }.joined(separator: ", ")) }
        return p.joined(separator: " ")
    }
}

extension EscalationPolicy {
    /// One line per timer with a ladder, and the external flag, for `office show`.
    public func summaryLines(_ language: Language) -> [String] {
        var out: [String] = []
        for (key, kind) in ConfigReader.timerKeys {
            guard let l = ladders[kind], !(l.warnAt.isEmpty && l.steps.isEmpty) else { continue }
            out.append("\(key): " + l.summary(language))
        }
        out.append(externalText(language))
        return out
    }

    func externalText(_ language: Language) -> String {
        let en = language == .en
        return externalAfterDays.map { en ? "external after \($0) days" : "eksternal setelah \($0) hari" } ?? (en ? "no external flag" : "tanpa tanda eksternal")
    }
}

extension OfficeDiff {
    /// The SLA overrides and the escalation ladder, as `office apply` previews and records them.
    static func slaLines(from old: OfficeConfig, to new: OfficeConfig, language: Language) -> [String] {
        let en = language == .en
        var out: [String] = []
        let a = old.deadlines.overrides.map { $0.summary(language) }, b = new.deadlines.overrides.map { $0.summary(language) }
        for o in b where !a.contains(o) { out.append((en ? "deadline override added: " : "pengecualian tenggat ditambah: ") + o) }
        for o in a where !b.contains(o) { out.append((en ? "deadline override removed: " : "pengecualian tenggat dihapus: ") + o) }
        let off = EscalationLadder(warnAt: [], steps: [])
        for (key, kind) in ConfigReader.timerKeys {
            let x = old.escalation.ladders[kind] ?? off, y = new.escalation.ladders[kind] ?? off
            if x != y { out.append((en ? "escalation \(key): " : "eskalasi \(key): ") + x.summary(language) + " → " + y.summary(language)) }
        }
        if old.escalation.externalAfterDays != new.escalation.externalAfterDays {
            out.append((en ? "escalation: " : "eskalasi: ") + old.escalation.externalText(language) + " → " + new.escalation.externalText(language))
        }
        return out
    }
}
