import AduanCore

/// What the boilerplate check (Boilerplate.swift, issue 15 item 5) reads from the store: a unit's
/// earlier answers, and per unit the share of follow-ups recorded as boilerplate.
extension ComplaintStore {
    /// The latest `limit` public follow-up texts written by operators of `unit` (of `agency`), newest first.
    public func earlierAnswers(agency: String, unit: String?, limit: Int = 200) throws(StoreError) -> [String] {
        try read {
            let s = try db.prepare("""
                SELECT json_extract(body, '$.text') FROM events
                WHERE kind = 'follow-up' AND json_valid(body) AND json_extract(body, '$.actor.agency') = ?
                  AND coalesce(json_extract(body, '$.actor.unit'), '') = ? AND json_extract(body, '$.secret') IS NULL
                ORDER BY seq DESC LIMIT ?
                """)
            try s.bind([.text(agency), .text(unit ?? ""), .int(Int64(limit))])
            var out: [String] = []
            while try s.step() { if let t = s.optionalText(0) { out.append(t) } }
            return out
        }
    }

    /// Per answering unit (the follow-up author's agency and unit): follow-ups, and those recorded as boilerplate.
    public func boilerplateShares() throws(StoreError) -> [(agency: String, unit: String?, followUps: Int, boilerplate: Int)] {
        try read {
            let s = try db.prepare("""
                SELECT json_extract(body, '$.actor.agency'), json_extract(body, '$.actor.unit'), count(*),
                       sum(json_extract(body, '$.boilerplate') IS NOT NULL)
                FROM events WHERE kind = 'follow-up' AND json_valid(body) GROUP BY 1, 2 ORDER BY 1, 2
                """)
            var out: [(agency: String, unit: String?, followUps: Int, boilerplate: Int)] = []
            while try s.step() {
                out.append((agency: s.optionalText(0) ?? "", unit: s.optionalText(1), followUps: Int(s.int64(2)), boilerplate: Int(s.int64(3))))
            }
            return out
        }
    }
}
