/// Substantive answers (issue 15 item 5): evaluators penalise "normatif" (boilerplate) follow-ups.
/// The measure is simple and explainable: an answer's word 3-grams (three words in a row, in lower
/// case, letters and digits only), and the share of them found in another text (containment).
/// An answer is boilerplate when
/// - at least `similarityPercent` (default 80) of its 3-grams come from one reply template
///   (filled in for the report): the template was sent with next to nothing added; or
/// - at least `similarityPercent` of them come from each of `earlierAnswers` (default 3) earlier
///   answers of the same unit: the unit sends the same text again and again.
/// An answer of fewer than three words has no 3-gram and is not judged. The finding only warns the
/// sender (and the approver) and is recorded with the follow-up; it never refuses one.
public struct BoilerplatePolicy: Hashable, Sendable {
    public var similarityPercent: Int
    public var earlierAnswers: Int

    public init(similarityPercent: Int = 80, earlierAnswers: Int = 3) {
        self.similarityPercent = similarityPercent
        self.earlierAnswers = earlierAnswers
    }

    public static let standard = BoilerplatePolicy()
}

/// Why an answer is boilerplate; recorded with the follow-up (`ActionDetails.boilerplate`).
public struct BoilerplateFinding: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// Nearly identical to this reply template (its id).
        case template(String)
        /// Nearly identical to this many earlier answers of the unit.
        case earlierAnswers(Int)
    }

    public var source: Source
    /// The share (0–100) of the answer's 3-grams found in the template, or in the closest earlier answer.
    public var percent: Int

    public init(source: Source, percent: Int) {
        self.source = source
        self.percent = percent
    }
}

public enum Boilerplate {
    /// The word 3-grams of `text`: words are runs of letters and digits, compared in lower case.
    public static func shingles(_ text: String) -> Set<String> {
        var words: [String] = []
        var word = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { word.append(ch) } else if !word.isEmpty { words.append(word); word = "" }
        }
        if !word.isEmpty { words.append(word) }
        guard words.count >= 3 else { return [] }
        var out = Set<String>()
        for i in 0...(words.count - 3) { out.insert(words[i] + " " + words[i + 1] + " " + words[i + 2]) }
        return out
    }

    /// The share (0–100, rounded down) of `answer`'s 3-grams that also occur in `reference`.
    public static func containment(_ answer: Set<String>, in reference: Set<String>) -> Int {
        guard !answer.isEmpty else { return 0 }
        return answer.intersection(reference).count * 100 / answer.count
    }

    /// Judges `answer` against the reply templates (already filled in for the report: `templates`
    /// as (id, text)) and the unit's earlier answers. nil: substantive (or too short to judge).
    public static func check(_ answer: String, templates: [(id: String, text: String)], earlier: [String],
                             policy: BoilerplatePolicy = .standard) -> BoilerplateFinding? {
        let a = shingles(answer)
        guard !a.isEmpty else { return nil }
        var best: BoilerplateFinding?
        for t in templates {
            let p = containment(a, in: shingles(t.text))
            if p >= policy.similarityPercent, p > (best?.percent ?? -1) { best = BoilerplateFinding(source: .template(t.id), percent: p) }
        }
        if let best { return best }
        guard policy.earlierAnswers > 0 else { return nil }
        let close = earlier.map { containment(a, in: shingles($0)) }.filter { $0 >= policy.similarityPercent }
        guard close.count >= policy.earlierAnswers else { return nil }
        return BoilerplateFinding(source: .earlierAnswers(close.count), percent: close.max() ?? 0)
    }
}

extension OfficeConfig {
    /// The boilerplate check of a follow-up `text` on `c` by `author`: against the office's reply
    /// templates filled in for this report (as the public would read them) and `earlier` answers.
    public func boilerplate(_ text: String, for c: Complaint, author: Actor, earlier: [String]) -> BoilerplateFinding? {
        let filled = templates.map { (id: $0.id, text: fill($0, for: c, author: author, audience: .everyone)) }
        return Boilerplate.check(text, templates: filled, earlier: earlier, policy: boilerplate)
    }
}

extension OfficeConfig {
    /// The approver's warning (issue 15): the draft waiting on `c`, judged as the follow-up it is
    /// about to become, the same measure as for a follow-up sent directly: against the templates
    /// filled in for this report by its drafter, and `earlier` answers of the unit that holds it
    /// (`ComplaintStore.earlierAnswers` of `c.holder`). nil: no draft waits, or it is substantive.
    public func draftBoilerplate(of c: Complaint, earlier: [String]) -> BoilerplateFinding? {
        guard let draft = c.pendingDraft else { return nil }
        let drafter = operators.first { $0.id == draft.drafter }
            ?? Actor(id: draft.drafter, name: draft.drafterName, role: .unitOperator, agency: c.holder.agency, unit: c.holder.unit)
        return boilerplate(draft.text, for: c, author: drafter, earlier: earlier)
    }
}

