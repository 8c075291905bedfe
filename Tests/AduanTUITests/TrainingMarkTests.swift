import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// A training store says so in the title bar, where no truncation hides it (issue 13); an office
/// store does not; the history shows the account that wrote each event.
@Suite struct TrainingMarkTests {
    typealias F = DeskFixture

    @Test func theTitleBarOfATrainingStoreSaysTrainingAndAnOfficeStoresDoesNot() throws {
        let dir = TempDir()
        let training = try ComplaintStore.open(path: dir.path + "/latihan.db", context: F.config.context, create: true,
                                               training: true, login: "budi")
        #expect(training.isTraining)
        try training.receive(Intake(title: "Lampu jalan mati", body: "Gelap", agency: "pemkab-sukamaju"), by: F.actor("admin"), at: F.now)
        for (language, word) in [(Language.id, "PELATIHAN"), (.en, "TRAINING")] {
            for width in [120, 60] {
                let grid = F.run(training, width: width, height: 24, keys: [], language: language)
                #expect(grid.row(0).contains(word), "\(width) columns: \(grid.row(0))")
            }
        }
        // The history names the account that wrote the event.
        let shown = F.run(training, width: 120, height: 40, keys: ["Enter"], language: .en)
        #expect(shown.text().contains("account budi"), "\(shown.text())")

        let office = try F.makeStore(in: dir)
        #expect(!office.isTraining)
        let grid = F.run(office, width: 120, height: 24, keys: [])
        #expect(!grid.row(0).contains("PELATIHAN") && grid.row(0).contains("Aduan"))
        // The mark is set at creation only: opening again with training: true changes nothing.
        let again = try ComplaintStore.open(path: dir.path + "/desk.db", context: F.config.context, training: true)
        #expect(!again.isTraining)
        #expect(ComplaintStore.trainingMark(at: dir.path + "/desk.db") == false)
        #expect(ComplaintStore.trainingMark(at: dir.path + "/latihan.db") == true)
        #expect(ComplaintStore.trainingMark(at: dir.path + "/none.db") == nil)
    }
}
