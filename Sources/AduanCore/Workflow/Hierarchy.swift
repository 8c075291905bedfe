/// Disposition down and up the unit tree, and drafts for approval: the requirements and state
/// changes of `pass-down`, `return`, `draft`, `approve` and `return-draft`. The roles and
/// statuses are in the transition table; `Workflow.decide`/`evolve` call in here.
enum Hierarchy {
    static func check(_ requirement: Requirement, kind: ActionKind, details d: inout ActionDetails,
                      complaint: Complaint?, actor: Actor, context: WorkflowContext, recorded: Bool) -> Refusal? {
        let directory = context.directory
        guard let c = complaint else { return nil }
        switch requirement {
        case .unitBelow:
            guard let unit = d.unit else { return .missing(kind, .unitBelow) }
            guard directory.unit(unit) != nil else { return .unknownUnit(unit) }
            let target = Holder(agency: c.holder.agency, unit: unit)
            guard directory.isBelow(target, c.holder) else { return .notBelowHolder(unit: unit, holder: c.holder) }
            if !recorded { d.resetsTimer = context.policy.passDownResetsTimer }
        case .unitAbove:
            guard let current = c.holder.unit else { return .nothingAbove(c.holder) }
            if let unit = d.unit {
                guard directory.unit(unit) != nil else { return .unknownUnit(unit) }
                guard directory.ancestors(of: current).contains(unit) else { return .notAboveHolder(unit: unit, holder: c.holder) }
            } else {
                d.unit = returnTarget(of: c, directory: directory).unit
            }
        case .pendingDraft:
            guard let draft = c.pendingDraft else { return .noPendingDraft }
            if let asked = d.draft, asked.version != draft.version { return .noPendingDraft }
            d.draft = draft.ref
            if kind == .approve {
                if d.text == nil { d.text = draft.text }
                if !recorded { d.secret = d.secret || draft.secret }
            }
        case .notTheDrafter:
            if let draft = c.pendingDraft, draft.drafter == actor.id { return .approverIsDrafter }
        case .noApprovalRequired:
            if directory.agency(c.holder.agency)?.approvalRequired == true { return .approvalRequired(agency: c.holder.agency) }
        default:
            break
        }
        return nil
    }

    /// Whether a screen offers `kind` on `c` at all: a pass down only with a unit below the holder,
    /// a return only from a unit, approving or returning a draft only while one waits.
    static func offers(_ kind: ActionKind, on c: Complaint, directory: Directory) -> Bool {
        switch kind {
        case .passDown: return c.holder.unit.map { !directory.children(of: $0).isEmpty } ?? directory.agency(c.holder.agency).map { !$0.units.isEmpty } ?? false
        case .returnUp: return c.holder.unit != nil
        case .approve, .returnDraft: return c.pendingDraft != nil
        default: return true
        }
    }

    /// Where a return sends the report: the holder above that passed it down (the nearest earlier
    /// holder of the chain above the current one), else one level up (the parent unit, or the agency).
    static func returnTarget(of c: Complaint, directory: Directory) -> Holder {
        for step in c.holderChain.reversed() where directory.isBelow(c.holder, step.holder) {
            return step.holder
        }
        return directory.holderAbove(c.holder) ?? Holder(agency: c.holder.agency)
    }

    static func evolve(_ c: inout Complaint, _ e: Event) {
        let d = e.details
        switch e.kind {
        case .passDown:
            if let unit = d.unit { Workflow.move(&c, to: Holder(agency: c.holder.agency, unit: unit), at: e.at, via: .passDown) }
            if d.resetsTimer {
                c.dispositionAt = e.at
                if c.firstDispositionAt == nil { c.firstDispositionAt = e.at }
            }
        case .returnUp:
            Workflow.move(&c, to: Holder(agency: c.holder.agency, unit: d.unit), at: e.at, via: .returnUp)
        case .draft:
            c.pendingDraft = PendingDraft(version: e.version, at: e.at, drafter: e.actor.id, drafterName: e.actor.name,
                                          text: d.text ?? "", secret: d.secret)
        case .approve:
            c.followUpCount += 1
            c.lastFollowUpAt = e.at
            if c.firstFollowUpAt == nil { c.firstFollowUpAt = e.at }
            c.awaitingReporter = true
            c.pendingDraft = nil
        case .returnDraft:
            c.pendingDraft = nil
        default:
            break
        }
    }
}

extension Complaint {
    /// Holders that returned the report up the tree: passing it back down to one of them is
    /// ping-pong, like an agency receiving again what it forwarded away.
    public var holdersThatReturned: [Holder] {
        var out: [Holder] = []
        for (i, step) in holderChain.enumerated() where i + 1 < holderChain.count && holderChain[i + 1].via == .returnUp {
            if !out.contains(step.holder) { out.append(step.holder) }
        }
        return out
    }

    /// The events a pass down or a return made, in order: the steps of the chain within the agency's tree.
    public var treeSteps: [HolderStep] { holderChain.filter { $0.via == .passDown || $0.via == .returnUp } }
}
