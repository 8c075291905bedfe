/// The fields issue 15 added to an event's details (an escalation step, a boilerplate finding),
/// written last and only when present so older events keep their bytes and hashes.
extension EventCodec {
    static func writeWorkflowExtras(_ d: ActionDetails, _ w: inout JSONStreamWriter, _ style: TimeStyle) {
        // A warning or escalation step, likewise last and only when present.
        if let m = d.escalation {
            w.key("escalation"); w.beginObject()
            w.key("key"); w.string(m.key)
            w.key("dueAt"); time(m.dueAt, &w, style)
            w.key("agency"); w.string(m.holder.agency)
            if let u = m.holder.unit { w.key("unit"); w.string(u) }
            w.endObject()
        }
        // A boilerplate warning on a follow-up, likewise last and only when present.
        if let b = d.boilerplate {
            w.key("boilerplate"); w.beginObject()
            switch b.source {
            case .template(let id): w.key("template"); w.string(id)
            case .earlierAnswers(let n): w.key("earlierAnswers"); w.int(n)
            }
            w.key("percent"); w.int(b.percent)
            w.endObject()
        }
    }

    static func readWorkflowExtras(_ node: JSONNode, path: String, reader r: FieldReader, into d: inout ActionDetails) {
        if let x = node["escalation"], r.object(x, path + ".escalation") != nil {
            let p = path + ".escalation"
            let key = r.string(x, "key", p, required: true, maxBytes: 256) ?? ""
            let due = r.time(x, "dueAt", p, required: true)
            let holder = Holder(agency: r.string(x, "agency", p, required: true, maxBytes: 4096) ?? "", unit: r.string(x, "unit", p, maxBytes: 4096))
            if let due {
                if let m = EscalationMark(key: key, dueAt: due, holder: holder) { d.escalation = m } else {
                    r.fail(x.line, p + ".key", .notAnEscalationStep(SafeText.excerpt(key, limit: 80)))
                }
            }
        }
        if let x = node["boilerplate"], r.object(x, path + ".boilerplate") != nil {
            let p = path + ".boilerplate"
            let percent = Int(clamping: r.int64(x, "percent", p, required: true) ?? 0)
            if let t = r.string(x, "template", p, maxBytes: 4096) {
                d.boilerplate = BoilerplateFinding(source: .template(t), percent: percent)
            } else if let n = r.int64(x, "earlierAnswers", p) {
                d.boilerplate = BoilerplateFinding(source: .earlierAnswers(Int(clamping: n)), percent: percent)
            } else {
                r.fail(x.line, p, .expectedTemplateOrEarlierAnswers)
            }
        }
    }
}
