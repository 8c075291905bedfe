import AduanCore
import Testing

/// A refusal decided in one process is told in another's language: the code carries the case and
/// its values, and nothing of any language.
struct RefusalCodeTests {
    static let actor = Actor(id: "tl-pupr", name: "Penghubung \"PUPR\"", role: .liaison, agency: "pemkab", unit: "pupr",
                             logins: ["budi"], unitsBelow: ["pupr-jalan"])
    static let t = Timestamp(seconds: 1_780_000_000)

    /// One of every case, with awkward values (quotes, absent values, empty lists).
    static let every: [Refusal] = [
        .disabled(.reopen), .notYourRole(.verify, role: .liaison, allowed: [.admin, .supervisor]),
        .wrongStatus(.close, status: nil, allowed: [nil, .proses]), .wrongStatus(.close, status: .arsip, allowed: []),
        .notYourUnit(.followUp, holder: Holder(agency: "pemkab", unit: "dinkes"), actor: actor),
        .notYourUnit(.followUp, holder: Holder(agency: "prov"), actor: .system),
        .missing(.forward, .targetAgency), .unknownUnit("x\u{1f}y"), .ambiguousUnit("dinas", candidates: ["dinkes", "dinsos"]),
        .unitNotInAgency(unit: "pupr", agency: "prov"), .sameUnit("pupr"), .unknownAgency("nowhere"), .sameAgency("pemkab"),
        .alreadyCopied("pupr"), .ratingOutOfRange(9), .duplicateOfSelf, .trackingIDNotDigits("12a"), .reasonRequiredForOther,
        .reasonRequiredToLiftAnonymity(.classify), .changesNotTakenBy(.forward), .autoCloseNotDue(due: nil), .autoCloseNotDue(due: t),
        .escalationNotDue("w1"), .escalationRecorded("e2"), .clockBeforeLastChange(last: t),
        .timeAfterNow(at: t, now: Timestamp(seconds: 5), skewSeconds: 300), .timeBeforeStoreLast(at: t, last: t, skewSeconds: 0),
        .reportedTimeInFuture(reported: t, recordedAt: t), .reportedTimeBeforeFollowUp(reported: t, followUp: t),
        .reportedTimeNotTakenBy(.note), .alreadyExists(7), .trackingIDTaken("123", existing: nil), .trackingIDTaken("123", existing: 4),
        .noSuchComplaint(77), .invalidImport("holder"), .importOutsideOwnAgency(field: "cc", value: "prov-x", agency: "pemkab"),
        .receivedAfterImport(received: t, now: t), .tooLong(field: "title", bytes: 5000, limit: 4096), .invalidCharacter(field: "body"),
        .notVisible(3), .notBelowHolder(unit: "pupr", holder: Holder(agency: "pemkab", unit: "dinkes")),
        .notAboveHolder(unit: "pupr", holder: Holder(agency: "pemkab")), .nothingAbove(Holder(agency: "pemkab")),
        .noPendingDraft, .approverIsDrafter, .approvalRequired(agency: "pemkab"),
    ]

    @Test func everyRefusalComesBackFromItsCode() {
        for r in Self.every {
            #expect(RefusalCode.decode(RefusalCode.encode(r)) == r, "\(RefusalCode.encode(r))")
        }
    }

    @Test func theCodeHoldsNoWordsOfEitherLanguage() {
        let code = RefusalCode.encode(.missing(.followUp, .text))
        #expect(code == #"["missing","follow-up","text"]"#)
        for language in [Language.id, .en] {
            let said = strings(language).refusal(.missing(.followUp, .text), names: Directory(agencies: []), zone: .wib)
            #expect(!code.contains(said))
        }
    }

    @Test func textThatIsNoCodeIsNoRefusal() {
        for text in ["", "missing(AduanCore.ActionKind.followUp, AduanCore.Requirement.text)", "[]", "[\"missing\"]",
                     "[\"missing\",\"follow-up\",\"text\",1]", "[\"noSuchComplaint\",\"77\"]", "[\"nope\"]", "{\"missing\":1}"] {
            #expect(RefusalCode.decode(text) == nil, "\(text)")
        }
    }
}
