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
