/// A refusal of the core as language-neutral text: the case and its values, so a refusal decided in
/// one process (the PostgreSQL store's writer) is said by another in its session's language through
/// the string tables (`StringTable.refusal`), never stored in the writer's words (issue 14).
///
/// The form is a JSON array: the case's name, then its values in order; an actor is
/// `[id, name, role, agency, unit, logins, unitsBelow]`, a holder `[agency, unit]`, a time its
/// epoch seconds, an absent value `null`. `decode(encode(r)) == r` for every refusal.
public enum RefusalCode {
    public static func encode(_ r: Refusal) -> String {
        let (name, values) = parts(r)
        return JSONValue.array(values: [.string(name)] + values).serialized()
    }

    /// The refusal `code` encodes; nil when it is not one (another program's words, damage).
    public static func decode(_ code: String) -> Refusal? {
        guard let node = try? JSONParser.parse(code), let items = node.array, let name = items.first?.string else { return nil }
        return refusal(name, Reader(items: Array(items.dropFirst())))
    }

    // MARK: encoding

    static func kind(_ k: ActionKind) -> JSONValue { .string(k.rawValue) }
    static func time(_ t: Timestamp) -> JSONValue { .int(t.seconds) }
    static func holder(_ h: Holder) -> JSONValue { .array(values: [.string(h.agency), .string(orNull: h.unit)]) }
    static func strings(_ s: [String]) -> JSONValue { .array(values: s.map { .string($0) }) }
    static func actor(_ a: Actor) -> JSONValue {
        .array(values: [.string(a.id), .string(a.name), .string(a.role.rawValue), .string(a.agency), .string(orNull: a.unit),
                        strings(a.logins), strings(a.unitsBelow)])
    }

    static func parts(_ r: Refusal) -> (String, [JSONValue]) {
        switch r {
        case .disabled(let k): ("disabled", [kind(k)])
        case .notYourRole(let k, let role, let allowed): ("notYourRole", [kind(k), .string(role.rawValue), strings(allowed.map(\.rawValue))])
        case .wrongStatus(let k, let status, let allowed):
            ("wrongStatus", [kind(k), .string(orNull: status?.rawValue), .array(values: allowed.map { .string(orNull: $0?.rawValue) })])
        case .notYourUnit(let k, let h, let a): ("notYourUnit", [kind(k), holder(h), actor(a)])
        case .missing(let k, let req): ("missing", [kind(k), .string(req.rawValue)])
        case .unknownUnit(let u): ("unknownUnit", [.string(u)])
        case .ambiguousUnit(let u, let candidates): ("ambiguousUnit", [.string(u), strings(candidates)])
        case .unitNotInAgency(let u, let a): ("unitNotInAgency", [.string(u), .string(a)])
        case .sameUnit(let u): ("sameUnit", [.string(u)])
        case .unknownAgency(let a): ("unknownAgency", [.string(a)])
        case .sameAgency(let a): ("sameAgency", [.string(a)])
        case .alreadyCopied(let u): ("alreadyCopied", [.string(u)])
        case .ratingOutOfRange(let n): ("ratingOutOfRange", [.int(n)])
        case .duplicateOfSelf: ("duplicateOfSelf", [])
        case .trackingIDNotDigits(let t): ("trackingIDNotDigits", [.string(t)])
        case .reasonRequiredForOther: ("reasonRequiredForOther", [])
        case .reasonRequiredToLiftAnonymity(let k): ("reasonRequiredToLiftAnonymity", [kind(k)])
        case .changesNotTakenBy(let k): ("changesNotTakenBy", [kind(k)])
        case .autoCloseNotDue(let due): ("autoCloseNotDue", [due.map(time) ?? .null])
        case .escalationNotDue(let key): ("escalationNotDue", [.string(key)])
        case .escalationRecorded(let key): ("escalationRecorded", [.string(key)])
        case .clockBeforeLastChange(let last): ("clockBeforeLastChange", [time(last)])
        case .timeAfterNow(let at, let now, let skew): ("timeAfterNow", [time(at), time(now), .int(skew)])
        case .timeBeforeStoreLast(let at, let last, let skew): ("timeBeforeStoreLast", [time(at), time(last), .int(skew)])
        case .reportedTimeInFuture(let reported, let recorded): ("reportedTimeInFuture", [time(reported), time(recorded)])
        case .reportedTimeBeforeFollowUp(let reported, let followUp): ("reportedTimeBeforeFollowUp", [time(reported), time(followUp)])
        case .reportedTimeNotTakenBy(let k): ("reportedTimeNotTakenBy", [kind(k)])
        case .alreadyExists(let id): ("alreadyExists", [.int(id)])
        case .trackingIDTaken(let t, let existing): ("trackingIDTaken", [.string(t), existing.map { .int($0) } ?? .null])
        case .noSuchComplaint(let id): ("noSuchComplaint", [.int(id)])
        case .invalidImport(let why): ("invalidImport", [.string(why)])
        case .importOutsideOwnAgency(let field, let value, let agency): ("importOutsideOwnAgency", [.string(field), .string(value), .string(agency)])
        case .receivedAfterImport(let received, let now): ("receivedAfterImport", [time(received), time(now)])
        case .tooLong(let field, let bytes, let limit): ("tooLong", [.string(field), .int(bytes), .int(limit)])
        case .invalidCharacter(let field): ("invalidCharacter", [.string(field)])
        case .notVisible(let id): ("notVisible", [.int(id)])
        case .notBelowHolder(let u, let h): ("notBelowHolder", [.string(u), holder(h)])
        case .notAboveHolder(let u, let h): ("notAboveHolder", [.string(u), holder(h)])
        case .nothingAbove(let h): ("nothingAbove", [holder(h)])
        case .noPendingDraft: ("noPendingDraft", [])
        case .approverIsDrafter: ("approverIsDrafter", [])
        case .approvalRequired(let a): ("approvalRequired", [.string(a)])
        }
    }

    // MARK: decoding

    /// Reads the values in order; any value of the wrong type makes the whole code unreadable.
    struct Reader {
        let items: [JSONNode]
        var next = 0
        var failed = false

        init(items: [JSONNode]) { self.items = items }

        mutating func node() -> JSONNode? {
            guard next < items.count else { failed = true; return nil }
            defer { next += 1 }
            return items[next]
        }
        mutating func string() -> String { guard let s = node()?.string else { failed = true; return "" }; return s }
        mutating func optionalString() -> String? {
            guard let n = node() else { return nil }
            if n.isNull { return nil }
            guard let s = n.string else { failed = true; return nil }
            return s
        }
        mutating func int64() -> Int64 { guard let v = node()?.int64 else { failed = true; return 0 }; return v }
        mutating func int() -> Int { Int(exactly: int64()) ?? 0 }
        mutating func time() -> Timestamp { Timestamp(seconds: int64()) }
        mutating func optionalTime() -> Timestamp? {
            guard let n = node() else { return nil }
            if n.isNull { return nil }
            guard let v = n.int64 else { failed = true; return nil }
            return Timestamp(seconds: v)
        }
        mutating func optionalInt64() -> Int64? { optionalTime()?.seconds }
        mutating func raw<T: RawRepresentable>(_: T.Type) -> T where T.RawValue == String, T: CaseIterable {
            guard let v = T(rawValue: string()) else { failed = true; return T.allCases.first! }
            return v
        }
        mutating func kind() -> ActionKind { raw(ActionKind.self) }
        static func strings(_ n: JSONNode?) -> [String]? {
            guard let items = n?.array else { return nil }
            let s = items.compactMap(\.string)
            return s.count == items.count ? s : nil
        }
        mutating func strings() -> [String] { guard let s = Self.strings(node()) else { failed = true; return [] }; return s }
        mutating func holder() -> Holder {
            guard let parts = node()?.array, parts.count == 2, let agency = parts[0].string, parts[1].isNull || parts[1].string != nil else {
                failed = true
                return Holder(agency: "")
            }
            return Holder(agency: agency, unit: parts[1].string)
        }
        mutating func actor() -> Actor {
            guard let p = node()?.array, p.count == 7, let id = p[0].string, let name = p[1].string,
                  let role = p[2].string.flatMap(Role.init(rawValue:)), let agency = p[3].string, p[4].isNull || p[4].string != nil,
                  let logins = Self.strings(p[5]), let below = Self.strings(p[6]) else {
                failed = true
                return Actor.system
            }
            return Actor(id: id, name: name, role: role, agency: agency, unit: p[4].string, logins: logins, unitsBelow: below)
        }
        mutating func statuses() -> [Status?] {
            guard let items = node()?.array else { failed = true; return [] }
            return items.map { n -> Status? in
                if n.isNull { return nil }
                guard let s = n.string.flatMap(Status.init(rawValue:)) else { failed = true; return nil }
                return s
            }
        }
        mutating func optionalStatus() -> Status? {
            guard let s = optionalString() else { return nil }
            guard let status = Status(rawValue: s) else { failed = true; return nil }
            return status
        }
        mutating func roles() -> [Role] {
            let s = strings()
            let roles = s.compactMap(Role.init(rawValue:))
            if roles.count != s.count { failed = true }
            return roles
        }
    }

    static func refusal(_ name: String, _ reader: Reader) -> Refusal? {
        var r = reader
        let refusal: Refusal
        switch name {
        case "disabled": refusal = .disabled(r.kind())
        case "notYourRole": refusal = .notYourRole(r.kind(), role: r.raw(Role.self), allowed: r.roles())
        case "wrongStatus": refusal = .wrongStatus(r.kind(), status: r.optionalStatus(), allowed: r.statuses())
        case "notYourUnit": refusal = .notYourUnit(r.kind(), holder: r.holder(), actor: r.actor())
        case "missing": refusal = .missing(r.kind(), r.raw(Requirement.self))
        case "unknownUnit": refusal = .unknownUnit(r.string())
        case "ambiguousUnit": refusal = .ambiguousUnit(r.string(), candidates: r.strings())
        case "unitNotInAgency": refusal = .unitNotInAgency(unit: r.string(), agency: r.string())
        case "sameUnit": refusal = .sameUnit(r.string())
        case "unknownAgency": refusal = .unknownAgency(r.string())
        case "sameAgency": refusal = .sameAgency(r.string())
        case "alreadyCopied": refusal = .alreadyCopied(r.string())
        case "ratingOutOfRange": refusal = .ratingOutOfRange(r.int())
        case "duplicateOfSelf": refusal = .duplicateOfSelf
        case "trackingIDNotDigits": refusal = .trackingIDNotDigits(r.string())
        case "reasonRequiredForOther": refusal = .reasonRequiredForOther
        case "reasonRequiredToLiftAnonymity": refusal = .reasonRequiredToLiftAnonymity(r.kind())
        case "changesNotTakenBy": refusal = .changesNotTakenBy(r.kind())
        case "autoCloseNotDue": refusal = .autoCloseNotDue(due: r.optionalTime())
        case "escalationNotDue": refusal = .escalationNotDue(r.string())
        case "escalationRecorded": refusal = .escalationRecorded(r.string())
        case "clockBeforeLastChange": refusal = .clockBeforeLastChange(last: r.time())
        case "timeAfterNow": refusal = .timeAfterNow(at: r.time(), now: r.time(), skewSeconds: r.int64())
        case "timeBeforeStoreLast": refusal = .timeBeforeStoreLast(at: r.time(), last: r.time(), skewSeconds: r.int64())
        case "reportedTimeInFuture": refusal = .reportedTimeInFuture(reported: r.time(), recordedAt: r.time())
        case "reportedTimeBeforeFollowUp": refusal = .reportedTimeBeforeFollowUp(reported: r.time(), followUp: r.time())
        case "reportedTimeNotTakenBy": refusal = .reportedTimeNotTakenBy(r.kind())
        case "alreadyExists": refusal = .alreadyExists(r.int64())
        case "trackingIDTaken": refusal = .trackingIDTaken(r.string(), existing: r.optionalInt64())
        case "noSuchComplaint": refusal = .noSuchComplaint(r.int64())
        case "invalidImport": refusal = .invalidImport(r.string())
        case "importOutsideOwnAgency": refusal = .importOutsideOwnAgency(field: r.string(), value: r.string(), agency: r.string())
        case "receivedAfterImport": refusal = .receivedAfterImport(received: r.time(), now: r.time())
        case "tooLong": refusal = .tooLong(field: r.string(), bytes: r.int(), limit: r.int())
        case "invalidCharacter": refusal = .invalidCharacter(field: r.string())
        case "notVisible": refusal = .notVisible(r.int64())
        case "notBelowHolder": refusal = .notBelowHolder(unit: r.string(), holder: r.holder())
        case "notAboveHolder": refusal = .notAboveHolder(unit: r.string(), holder: r.holder())
        case "nothingAbove": refusal = .nothingAbove(r.holder())
        case "noPendingDraft": refusal = .noPendingDraft
        case "approverIsDrafter": refusal = .approverIsDrafter
        case "approvalRequired": refusal = .approvalRequired(agency: r.string())
        default: return nil
        }
        guard !r.failed, r.next == r.items.count else { return nil }
        return refusal
    }
}
