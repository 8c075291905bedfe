import AduanTestSupport
import Testing

/// `aduan act` with the unit tree, unit operators and drafts (issue 15 items 1–2), and what each
/// viewer's outputs show of a draft: never public, never to a unit that does not handle it.
@Suite struct HierarchyCLITests {
    /// The built-in office, which has a tree under Dinas Kesehatan (Bidang Yankes → Puskesmas
    /// Karangrejo), a liaison of the Bidang (tl-yankes) and a unit operator of the Puskesmas.
    static func treeOffice() -> String { Desk.configBinding(runnerLogin) }

    static let draftWord = "DRAFKATA-5521"

    @Test func passDownDraftApproveAndReturnThroughAct() throws {
        try requireBinary()
        let desk = Desk("tree-act", office: Self.treeOffice())
        try desk.initStore()
        let id = try desk.receive("Vaksin habis di Puskesmas Karangrejo", ["--body", "Sudah dua minggu kosong."])
        try desk.must(id, "verify", ["--unit", "dinkes", "--anonymous", "no", "--confidential", "no"])
        // Two levels down at once, by the Dinkes liaison.
        try desk.must(id, "pass-down", ["--unit", "pkm-karangrejo"], as: "tl-dinkes")
        // A sibling is no pass down; the message names the problem, and nothing changes.
        let sibling = desk.run(["act", "\(id)", "pass-down", "--unit", "pupr"], as: "tl-dinkes")
        #expect(sibling.status != 0 && sibling.stderr.contains("tidak berada di bawah"))
        // The unit operator drafts but may not publish.
        try desk.must(id, "draft", ["--text", "\(Self.draftWord) stok vaksin dikirim besok."], as: "op-pkm-karangrejo")
        let publish = desk.run(["act", "\(id)", "follow-up", "--text", "langsung"], as: "op-pkm-karangrejo")
        #expect(publish.status != 0, "a unit operator may not publish")
        let selfApprove = desk.run(["act", "\(id)", "approve"], as: "op-pkm-karangrejo", env: ["ADUAN_LANG": "en"])
        #expect(selfApprove.status != 0)
        // Approvers see it waiting.
        #expect(desk.run(["list", "is:awaiting-approval"], as: "tl-dinkes").stdout.contains("Vaksin habis"))
        #expect(!desk.run(["list", "is:awaiting-approval"], as: "tl-pupr").stdout.contains("Vaksin habis"))
        // Returned with a note, drafted again, approved by the Bidang's liaison (a level above).
        try desk.must(id, "return-draft", ["--text", "Sebutkan tanggal pengiriman."], as: "tl-yankes")
        try desk.must(id, "draft", ["--text", "Vaksin dikirim Rabu."], as: "op-pkm-karangrejo")
        let approved = try desk.must(id, "approve", [], as: "tl-yankes")
        #expect(approved.stdout.contains("Proses"))
        let shown = desk.run(["show", "\(id)"], as: "admin").stdout
        #expect(shown.contains("Nur Hidayah"), "the drafter is kept")
        // The Puskesmas returns it up: it goes back to Dinkes, which passed it down.
        try desk.must(id, "return", ["--reason", "Bukan kewenangan puskesmas"], as: "op-pkm-karangrejo")
        #expect(desk.run(["show", "\(id)"], as: "tl-dinkes").stdout.contains("Dikembalikan ke atas ke Dinas Kesehatan"))
        // Every step replays.
        #expect(desk.run(["verify"]).status == 0)
    }

    @Test func helpWorkflowPrintsTheNewActionsAndRole() throws {
        try requireBinary()
        let desk = Desk("tree-help")
        let out = desk.bare(["help", "workflow", "--lang", "en"]).stdout
        for word in ["pass-down", "return", "draft", "approve", "return-draft", "unit-operator", "not-the-drafter"] {
            #expect(out.contains(word), "help workflow lists \(word)")
        }
    }

    /// The privacy matrix for drafts: the draft's text reaches the handling parties (the unit
    /// operator's Puskesmas and every level above), never a CC'd unit, another agency, the
    /// all-agency monitor or Open311; once approved, the public follow-up does.
    @Test func aDraftReachesOnlyTheHandlingPartiesAndNeverOpen311() throws {
        try requireBinary()
        let desk = Desk("tree-privacy", office: Self.treeOffice())
        try desk.initStore()
        let id = try desk.receive("Antrean panjang di Puskesmas Karangrejo", ["--body", "Antre sejak subuh."])
        try desk.must(id, "verify", ["--unit", "dinkes", "--anonymous", "no", "--confidential", "no"])
        try desk.must(id, "cc", ["--unit", "pupr"])
        try desk.must(id, "pass-down", ["--unit", "pkm-karangrejo"], as: "tl-dinkes")
        try desk.must(id, "draft", ["--text", "\(Self.draftWord) loket tambahan dibuka."], as: "op-pkm-karangrejo")
        func outputs(_ viewer: String) -> String {
            var all: [String] = []
            for lang in ["id", "en"] {
                for args in [["show", "\(id)"], ["export", "--format", "json"], ["export", "--format", "csv"],
                             ["export", "--format", "open311"], ["list"], ["report", "--format", "json"]] {
                    all.append(desk.run(args + ["--lang", lang], as: viewer).stdout)
                }
            }
            return all.joined(separator: "\n")
        }
        for viewer in ["op-pkm-karangrejo", "tl-yankes", "tl-dinkes", "admin", "pengawas"] {
            #expect(outputs(viewer).contains(Self.draftWord), "\(viewer) handles it and reads the draft")
        }
        for viewer in ["tl-pupr", "monitor-kominfo", "admin-prov", "tl-disdukcapil"] {
            #expect(!outputs(viewer).contains(Self.draftWord), "\(viewer) reads the draft")
        }
        #expect(!desk.run(["export", "--format", "open311"], as: "admin").stdout.contains(Self.draftWord), "a draft is never public")
        try desk.must(id, "approve", [], as: "tl-dinkes")
        #expect(desk.run(["export", "--format", "open311"], as: "admin").stdout.contains(Self.draftWord), "the approved follow-up is public")
    }
}
