import Testing
import AduanCore

/// Issue 15 item 5: a follow-up is boilerplate when at least 80% of its word 3-grams come from a
/// reply template (filled in) or from each of 3 earlier answers of the unit.
@Suite("Boilerplate answers")
struct BoilerplateTests {
    static let template = "Terima kasih. Laporan 5123456 telah kami terima dan sedang ditindaklanjuti oleh Dinas PUPR. Kami akan menyampaikan perkembangannya melalui kanal ini."

    @Test func shinglesAreLowerCaseWordTriplesWithoutPunctuation() {
        #expect(Boilerplate.shingles("Terima kasih, ATAS laporan!") == ["terima kasih atas", "kasih atas laporan"])
        #expect(Boilerplate.shingles("Sudah diangkut.").isEmpty)
        #expect(Boilerplate.shingles("Jalan 12 km rusak") == ["jalan 12 km", "12 km rusak"])
    }

    @Test func theTemplateSentAsItIsIsBoilerplate() {
        let f = Boilerplate.check(Self.template, templates: [(id: "diterima", text: Self.template)], earlier: [])
        #expect(f == BoilerplateFinding(source: .template("diterima"), percent: 100))
        // Punctuation and case do not make it substantive.
        #expect(Boilerplate.check(Self.template.uppercased() + "!!", templates: [(id: "diterima", text: Self.template)], earlier: []) != nil)
    }

    @Test func theTemplateWithWhatWasDoneAddedIsSubstantive() {
        let answer = Self.template + " Tim UPT Jalan sudah menambal lubang di depan SDN 2 Karangrejo pada Selasa pagi dengan aspal dingin sepanjang dua meter dan memasang rambu sementara di kedua sisi."
        #expect(Boilerplate.check(answer, templates: [(id: "diterima", text: Self.template)], earlier: []) == nil)
    }

    @Test func theThresholdIsInclusiveAtEightyPercent() {
        // 10 words: 8 triples; 4 of the 5 words of the reference give... build exact shares instead.
        let ref = "a b c d e f g h i j"            // triples: abc bcd cde def efg fgh ghi hij (8)
        let answer80 = "a b c d e f g h i j x y"     // 10 triples, 8 shared: 80%
        let answer70 = "a b c d e f g h i x y z"     // 10 triples, 7 shared: 70%
        #expect(Boilerplate.containment(Boilerplate.shingles(answer80), in: Boilerplate.shingles(ref)) == 80)
        #expect(Boilerplate.check(answer80, templates: [(id: "t", text: ref)], earlier: []) != nil)
        #expect(Boilerplate.check(answer70, templates: [(id: "t", text: ref)], earlier: []) == nil)
        #expect(Boilerplate.check(answer70, templates: [(id: "t", text: ref)], earlier: [], policy: BoilerplatePolicy(similarityPercent: 70)) != nil)
    }

    @Test func theSameAnswerAsThreeEarlierOnesIsBoilerplateAndTwoIsNot() {
        let answer = "Laporan sudah kami teruskan ke bidang terkait untuk ditindaklanjuti sesuai ketentuan yang berlaku."
        let other = "Petugas sudah memperbaiki pipa yang bocor di Jalan Melati pada hari Senin."
        #expect(Boilerplate.check(answer, templates: [], earlier: [answer, other, answer]) == nil)
        #expect(Boilerplate.check(answer, templates: [], earlier: [answer, other, answer, answer + " Terima kasih."])
                == BoilerplateFinding(source: .earlierAnswers(3), percent: 100))
        #expect(Boilerplate.check(answer, templates: [], earlier: [answer, answer, answer], policy: BoilerplatePolicy(earlierAnswers: 0)) == nil)
    }

    @Test func aShortAnswerIsNotJudged() {
        #expect(Boilerplate.check("Sudah.", templates: [(id: "t", text: "Sudah.")], earlier: ["Sudah.", "Sudah.", "Sudah."]) == nil)
    }

    @Test func onlyAFollowUpCarriesTheFindingAndItRoundTrips() throws {
        let dir = Directory(agencies: [Agency(id: "pemkab", name: "Pemkab", units: [Unit(id: "dinkes", name: "Dinkes")])])
        let ctx = WorkflowContext(directory: dir)
        let admin = Actor(id: "admin", name: "Siti", role: .admin, agency: "pemkab")
        let t0 = Timestamp(seconds: 1_790_000_000)
        var c = Workflow.evolve(nil, try Workflow.decide(Command(.receive, ActionDetails(intake: Intake(title: "x", body: "y"))), on: nil, by: admin, at: t0, context: ctx, newID: 1).get())
        c = Workflow.evolve(c, try Workflow.decide(Command(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: false, confidential: false))), on: c, by: admin, at: t0, context: ctx).get())
        let finding = BoilerplateFinding(source: .template("diterima"), percent: 93)
        let note = try Workflow.decide(Command(.note, ActionDetails(text: "catatan", boilerplate: finding)), on: c, by: admin, at: t0, context: ctx).get()
        #expect(note.details.boilerplate == nil)
        let f = try Workflow.decide(Command(.followUp, ActionDetails(text: Self.template, boilerplate: finding)), on: c, by: admin, at: t0, context: ctx).get()
        #expect(f.details.boilerplate == finding)
        let back = EventCodec.decodeStored(complaint: 1, version: f.version, at: f.at.seconds, kind: f.kind.rawValue,
                                           body: String(decoding: EventCodec.storedBody(f), as: UTF8.self))
        #expect(back?.details.boilerplate == finding)
        var g = f
        g.details.boilerplate = BoilerplateFinding(source: .earlierAnswers(4), percent: 88)
        let back2 = EventCodec.decodeStored(complaint: 1, version: g.version, at: g.at.seconds, kind: g.kind.rawValue,
                                            body: String(decoding: EventCodec.storedBody(g), as: UTF8.self))
        #expect(back2?.details.boilerplate == g.details.boilerplate)
    }

    @Test func theOfficeFileSetsTheThresholds() throws {
        let c = try OfficeConfig.parse(EscalationConfigTests.base + ", \"boilerplate\": {\"similarityPercent\": 90, \"earlierAnswers\": 5}}", file: "o.json").get()
        #expect(c.boilerplate == BoilerplatePolicy(similarityPercent: 90, earlierAnswers: 5))
        guard case .failure(let e) = OfficeConfig.parse(EscalationConfigTests.base + ", \"boilerplate\": {\"similarityPercent\": 0}}", file: "o.json") else {
            Issue.record("0% must be refused"); return
        }
        #expect(e.all.map(\.description).joined().contains("boilerplate.similarityPercent: expected a whole number from 1 to 100, found 0"))
    }
}
