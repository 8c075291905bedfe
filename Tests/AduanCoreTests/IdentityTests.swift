import Testing
import AduanCore

/// Who a login may act as (issue 13, section 2), decided once in the core.
@Suite struct IdentityTests {
    static let ops = [
        Actor(id: "admin", name: "Siti", role: .admin, agency: "pemkab", logins: ["siti", "root"]),
        Actor(id: "tl-dinkes", name: "Andi", role: .liaison, agency: "pemkab", unit: "dinkes", logins: ["andi", "root"]),
        Actor(id: "pengawas", name: "Hendra", role: .supervisor, agency: "pemkab", logins: ["hendra"]),
        Actor(id: "monitor", name: "Tim", role: .supervisor, agency: "*", logins: ["siti", "kominfo"]),
    ]

    func resolve(_ login: String, _ requested: String?, training: Bool = false, defaultOperator: String? = "admin") -> Result<Actor, Identity.Refusal> {
        Identity.resolve(operators: Self.ops, defaultOperator: defaultOperator, login: login, requested: requested, training: training)
    }

    @Test func anOfficeStoreLetsALoginActOnlyAsItsOwnOperators() throws {
        #expect(try resolve("andi", nil).get().id == "tl-dinkes")
        #expect(try resolve("root", "tl-dinkes").get().id == "tl-dinkes")
        #expect(try resolve("root", nil).get().id == "admin", "the default, which is among root's own")
        #expect(resolve("root", "pengawas") == .failure(.notYours(requested: "pengawas", login: "root", own: ["admin", "tl-dinkes"])))
        #expect(resolve("andi", "admin") == .failure(.notYours(requested: "admin", login: "andi", own: ["tl-dinkes"])))
        #expect(resolve("siti", nil, defaultOperator: "pengawas") == .failure(.ambiguous(login: "siti", own: ["admin", "monitor"])))
    }

    @Test func aLoginBoundToNoOperatorIsRefusedWhateverItAsks() {
        for requested in [nil, "admin", "nobody-here"] as [String?] {
            #expect(resolve("nobody", requested) == .failure(.unbound(login: "nobody")), "\(requested ?? "nil")")
        }
    }

    @Test func aTrainingStoreLetsAnyoneBeAnyone() throws {
        #expect(try resolve("nobody", "pengawas", training: true).get().id == "pengawas")
        #expect(try resolve("andi", "admin", training: true).get().id == "admin")
        #expect(try resolve("nobody", nil, training: true).get().id == "admin")
        #expect(try resolve("andi", nil, training: true).get().id == "tl-dinkes")
        #expect(resolve("nobody", "boss", training: true) == .failure(.unknownOperator(requested: "boss", known: Self.ops.map(\.id))))
    }

    @Test func theDirectorysLoginsAreCheckedWhenTheConfigIsRead() {
        let bad = BuiltInConfig.json.replacing("\"logins\": [\"andi\"]", with: "\"logins\": [\"an di\", \"-x\", \"\"]", maxReplacements: 1)
        guard case .failure(let e) = OfficeConfig.parse(bad, file: "c.json") else { Issue.record("accepted bad logins"); return }
        #expect(e.all.count == 3, "\(e.all)")
        #expect(e.all.allSatisfy { $0.key.hasPrefix("operators[1].logins[") })
        guard case .success(let c) = OfficeConfig.parse(BuiltInConfig.json, file: "built-in") else { Issue.record("built-in"); return }
        #expect(Identity.operators(boundTo: "siti", in: c.operators).map(\.id) == ["admin", "monitor-kominfo"])
    }

    @Test func anEventRecordsTheLoginButNeverTheDirectorysList() throws {
        let actor = Self.ops[0]
        let e = Event(complaintID: 1, version: 1, at: Timestamp(seconds: 1_790_000_000), actor: actor, kind: .followUp,
                      from: .proses, to: .proses, details: ActionDetails(text: "x"), login: "root")
        #expect(e.actor.logins.isEmpty)
        let body = String(decoding: EventCodec.storedBody(e), as: UTF8.self)
        #expect(body.contains("\"login\":\"root\"") && !body.contains("siti"))
        let back = try #require(EventCodec.decodeStored(complaint: 1, version: 1, at: 1_790_000_000, kind: "follow-up", body: body))
        #expect(back == e)
        // An event stored before logins existed reads back without one and encodes to the very same bytes (same hash).
        var old = e
        old.login = nil
        let oldBody = String(decoding: EventCodec.storedBody(old), as: UTF8.self)
        #expect(!oldBody.contains("login"))
        let oldBack = try #require(EventCodec.decodeStored(complaint: 1, version: 1, at: 1_790_000_000, kind: "follow-up", body: oldBody))
        #expect(oldBack.login == nil)
        #expect(EventCodec.storedBody(oldBack) == Array(oldBody.utf8))
        // The public never sees who wrote it.
        var c = Complaint(id: 1, intake: Intake(title: "t", body: "b", agency: "pemkab"), at: e.at, actor: actor)
        c.status = .proses
        #expect(Privacy.publicEvent(e, in: c)?.login == nil)
    }
}
